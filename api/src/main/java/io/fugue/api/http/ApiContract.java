package io.fugue.api.http;

import io.fugue.api.ApiException;
import io.fugue.api.model.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * The OpenAPI 3.1 document ({@code /openapi.json} on the classpath) that both describes and drives
 * the server: routes, validation and each operation's {@code x-fugue-role}.
 */
public final class ApiContract {
  static final String RESOURCE = "/openapi.json";
  private static final String ROLE = "x-fugue-role";
  private static final String RAW_BODY = "x-fugue-raw-body";
  static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  private final OpenAPIContract contract;
  private final Buffer document;

  private ApiContract(OpenAPIContract contract, Buffer document) {
    this.contract = contract;
    this.document = document;
  }

  /**
   * Loads and checks the document; fails if it is invalid or an operation has no known role. The
   * reading, parsing and schema resolution (tens to hundreds of milliseconds on a loaded machine)
   * run on a worker thread, never on the caller's event loop.
   */
  public static Future<ApiContract> load(Vertx vertx) {
    return vertx
        .<Future<ApiContract>>executeBlocking(
            () -> {
              Buffer raw;
              try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                  throw new ApiException("missing classpath resource " + RESOURCE);
                }
                raw = Buffer.buffer(in.readAllBytes());
              } catch (IOException e) {
                throw new ApiException("cannot read " + RESOURCE, e);
              }
              JsonObject json = withoutProblemMediaType(new JsonObject(raw));
              return OpenAPIContract.from(vertx, json)
                  .map(
                      c -> {
                        c.operations().forEach(ApiContract::roleOf);
                        return new ApiContract(c, raw);
                      });
            },
            false)
        .compose(contract -> contract);
  }

  /**
   * The document as the request validator takes it: vertx-openapi 5.0 refuses {@code
   * application/problem+json} under a response's {@code content}, so the validator's copy drops
   * that media type from the shared responses. Clients get the document as shipped, with it.
   */
  static JsonObject withoutProblemMediaType(JsonObject document) {
    JsonObject copy = document.copy();
    JsonObject responses =
        copy.getJsonObject("components", new JsonObject())
            .getJsonObject("responses", new JsonObject());
    for (String name : responses.fieldNames()) {
      JsonObject content = responses.getJsonObject(name).getJsonObject("content");
      if (content != null) {
        content.remove(PROBLEM_MEDIA_TYPE);
        if (content.isEmpty()) {
          responses.getJsonObject(name).remove("content");
        }
      }
    }
    return copy;
  }

  public OpenAPIContract openApi() {
    return contract;
  }

  /** The document exactly as shipped. */
  public Buffer document() {
    return document.copy();
  }

  public Operation operation(String operationId) {
    Operation op = contract.operation(operationId);
    if (op == null) {
      throw new ApiException("no operation " + operationId + " in " + RESOURCE);
    }
    return op;
  }

  public static Role roleOf(Operation op) {
    Object value = op.getExtensions().get(ROLE);
    return Role.fromWireName(Objects.toString(value, ""))
        .orElseThrow(
            () ->
                new ApiException(
                    "operation " + op.getOperationId() + " has no valid " + ROLE + ": " + value));
  }

  static boolean rawBody(Operation op) {
    return Boolean.TRUE.equals(op.getExtensions().get(RAW_BODY));
  }

  /**
   * Methods allowed on a concrete request path: the document's, plus HEAD wherever GET is and
   * OPTIONS (both answered by {@link StandardMethodsHandler}); empty when the path is unknown.
   */
  public List<String> allowedMethods(String requestPath) {
    Path path = contract.findPath(requestPath);
    if (path == null) {
      return List.of();
    }
    java.util.TreeSet<String> methods = new java.util.TreeSet<>();
    path.getOperations().forEach(op -> methods.add(op.getHttpMethod().name()));
    if (methods.contains(HttpMethod.GET.name())) {
      methods.add(HttpMethod.HEAD.name());
    }
    methods.add(HttpMethod.OPTIONS.name());
    return List.copyOf(methods);
  }
}
