package io.fugue.api.http;

import io.fugue.api.ApiException;
import io.fugue.api.auth.Authenticator;
import io.fugue.api.model.Caller;
import io.fugue.api.model.Role;
import io.fugue.api.port.RoleResolver;
import io.fugue.api.ratelimit.RateLimiter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds endpoints to routers from the OpenAPI document: each route gets, in order, its metrics tag,
 * access control for the operation's {@code x-fugue-role}, request validation, and the endpoint
 * itself through {@code respond}. {@link #checkComplete()} fails start-up if the document and the
 * bound endpoints disagree.
 */
public final class EndpointBinder {
  private final ApiContract contract;
  private final RequestValidator validator;
  private final Authenticator auth;
  private final RoleResolver roles;
  private final RateLimiter ipLimiter;
  private final RateLimiter callerLimiter;
  private final BackendCalls calls;
  private final Set<String> bound = new HashSet<>();

  public EndpointBinder(
      Vertx vertx,
      ApiContract contract,
      Authenticator auth,
      RoleResolver roles,
      RateLimiter ipLimiter,
      RateLimiter callerLimiter,
      BackendCalls calls) {
    this.contract = contract;
    this.validator = RequestValidator.create(vertx, contract.openApi());
    this.auth = auth;
    this.roles = roles;
    this.ipLimiter = ipLimiter;
    this.callerLimiter = callerLimiter;
    this.calls = calls;
  }

  /** Binds {@code endpoint} on {@code router}, which is mounted at {@code mountPath}. */
  public void bind(Router router, String mountPath, Endpoint endpoint) {
    bind(router, mountPath, endpoint, ipLimiter);
  }

  /** As {@link #bind(Router, String, Endpoint)}, with its own per-IP buckets (probes, scrapes). */
  public void bind(Router router, String mountPath, Endpoint endpoint, RateLimiter ipBuckets) {
    Operation op = contract.operation(endpoint.operationId());
    String full = op.getOpenAPIPath();
    if (!full.startsWith(mountPath)) {
      throw new ApiException(op.getOperationId() + " at " + full + " is not under " + mountPath);
    }
    if (!bound.add(op.getOperationId())) {
      throw new ApiException("operation bound twice: " + op.getOperationId());
    }
    String relative = full.substring(mountPath.length());
    Route route =
        router.route(op.getHttpMethod(), toVertxPath(relative.isEmpty() ? "/" : relative));
    route.handler(
        ctx -> {
          ctx.put(MetricsHandler.ROUTE, full);
          ctx.next();
        });
    Role role = ApiContract.roleOf(op);
    route.handler(new AccessHandler(role, auth, roles, ipBuckets, callerLimiter, calls));
    if (!ApiContract.rawBody(op)) {
      route.handler(new ValidationHandler(op, validator));
    }
    route.respond(
        ctx -> {
          ValidatedRequest validated = ctx.get(ValidationHandler.VALIDATED);
          Caller caller = ctx.get(AccessHandler.CALLER);
          return endpoint
              .handle(new ApiRequest(ctx, validated, caller, calls))
              .map(
                  body -> {
                    if (body == null || body instanceof Buffer) {
                      return body;
                    }
                    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
                    return ApiJson.encode(body);
                  });
        });
  }

  /** Fails unless every operation of the document is bound exactly once. */
  public void checkComplete() {
    Set<String> missing = new TreeSet<>();
    contract
        .openApi()
        .operations()
        .forEach(
            op -> {
              if (!bound.contains(op.getOperationId())) {
                missing.add(op.getOperationId());
              }
            });
    if (!missing.isEmpty()) {
      throw new ApiException("operations without an endpoint: " + missing);
    }
  }

  static String toVertxPath(String openApiPath) {
    return openApiPath.replaceAll("\\{([^}/]+)}", ":$1");
  }
}
