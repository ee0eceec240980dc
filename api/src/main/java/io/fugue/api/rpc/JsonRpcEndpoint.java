package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.api.ApiLimits;
import io.fugue.api.http.ApiJson;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.http.ProblemException;
import io.fugue.api.port.ChainBackend;
import io.fugue.api.port.EthBackend;
import io.fugue.api.port.EthRpcError;
import io.fugue.api.ratelimit.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /rpc}: JSON-RPC 2.0, single calls and batches. Protocol errors are JSON-RPC error
 * objects with HTTP 200, as the spec expects; notifications (no id) get no response, and a batch of
 * only notifications gets 204.
 *
 * <p>Only {@code Content-Type: application/json} is read (anything else is a 415 problem), so a
 * browser cannot post here cross-origin without a CORS preflight. Every call of a batch counts
 * against the caller's per-IP rate limit: the request itself took one token, each further call
 * takes one more, and a call over the limit answers {@code -32005} "Limit exceeded" while the
 * others are served.
 */
public final class JsonRpcEndpoint implements Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcEndpoint.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, JsonRpcMethod> methods;

  /** JSON-RPC's conventional "limit exceeded" code (EIP-1474). */
  static final int LIMIT_EXCEEDED = -32005;

  /** The shard an eth_ call goes to when the request names none. */
  static final int DEFAULT_SHARD = 1;

  /** Header naming the shard of an eth_ call on {@code /rpc}. */
  static final String SHARD_HEADER = "X-Fugue-Shard";

  private final int maxBatch;
  private final RateLimiter ipLimiter;
  private final Optional<EthBackend> eth;
  private final boolean shardInPath;

  public JsonRpcEndpoint(ChainBackend chain, int maxBatch, RateLimiter ipLimiter) {
    this(chain, maxBatch, ipLimiter, false);
  }

  /**
   * @param shardInPath true for {@code POST /rpc/{shard}}, false for {@code POST /rpc} (shard from
   *     {@code ?shard=}, the {@value #SHARD_HEADER} header, or {@value #DEFAULT_SHARD})
   */
  public JsonRpcEndpoint(
      ChainBackend chain, int maxBatch, RateLimiter ipLimiter, boolean shardInPath) {
    this.methods =
        Stream.of(
                new BlockNumberMethod(chain),
                new GetBlockByNumberMethod(chain),
                new GetBalanceMethod(chain),
                new SendRawTransactionMethod(chain))
            .collect(Collectors.toUnmodifiableMap(JsonRpcMethod::name, Function.identity()));
    this.maxBatch = maxBatch;
    this.ipLimiter = ipLimiter;
    this.eth = chain.ethereum();
    this.shardInPath = shardInPath;
  }

  @Override
  public String operationId() {
    return shardInPath ? "jsonRpcShard" : "jsonRpc";
  }

  private int shard(ApiRequest request) {
    if (shardInPath) {
      return (int) request.rawPathLong("shard", ApiLimits.MAX_SHARD);
    }
    Optional<Long> query = request.queryLong("shard", ApiLimits.MAX_SHARD);
    if (query.isPresent()) {
      return query.get().intValue();
    }
    String header = request.requestHeader(SHARD_HEADER);
    return header == null
        ? DEFAULT_SHARD
        : (int) ApiRequest.decimal(SHARD_HEADER, header, ApiLimits.MAX_SHARD);
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    int shard;
    try {
      shard = shard(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String type = request.requestHeader("Content-Type");
    if (type == null
        || !type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      return Future.failedFuture(
          ProblemException.of(
              415,
              "unsupported-media-type",
              "Unsupported Media Type",
              "JSON-RPC requests must be sent with Content-Type: application/json"));
    }
    JsonNode root;
    try {
      root = ApiJson.mapper().readTree(request.rawBody().getBytes());
    } catch (IOException e) {
      return reply(request, error(NODES.nullNode(), JsonRpcException.PARSE_ERROR, "Parse error"));
    }
    if (root == null || root.isMissingNode()) {
      return reply(request, error(NODES.nullNode(), JsonRpcException.PARSE_ERROR, "Parse error"));
    }
    if (!root.isArray()) {
      return dispatch(root, request, shard).map(r -> r == null ? null : render(request, r));
    }
    if (root.isEmpty() || root.size() > maxBatch) {
      return reply(
          request,
          error(
              NODES.nullNode(),
              JsonRpcException.INVALID_REQUEST,
              "Invalid Request: a batch holds 1 to " + maxBatch + " calls"));
    }
    List<Future<JsonNode>> calls = new ArrayList<>();
    boolean first = true;
    for (JsonNode call : root) {
      // The request's own token paid for the first call; each further call pays for itself.
      if (!first && !ipLimiter.tryAcquire(RateLimiter.ipKey(request.remoteAddress())).allowed()) {
        JsonNode id = call.isObject() && call.hasNonNull("id") ? call.get("id") : NODES.nullNode();
        calls.add(
            Future.succeededFuture(
                error(id, LIMIT_EXCEEDED, "Limit exceeded: too many calls from this address")));
      } else {
        calls.add(dispatch(call, request, shard));
      }
      first = false;
    }
    return Future.join(calls)
        .transform(
            ignored -> {
              var out = NODES.arrayNode();
              calls.forEach(
                  f -> {
                    if (f.result() != null) {
                      out.add(f.result());
                    }
                  });
              return Future.succeededFuture(out.isEmpty() ? null : render(request, out));
            });
  }

  /** One call; completes with its response object, or null for a notification. Never fails. */
  private Future<JsonNode> dispatch(JsonNode call, ApiRequest request, int shard) {
    JsonNode id = call.isObject() ? call.get("id") : null;
    boolean validId = id == null || id.isTextual() || id.isNumber() || id.isNull();
    JsonNode replyId = id != null && validId ? id : NODES.nullNode();
    if (!call.isObject()
        || !validId
        || !call.path("jsonrpc").asText("").equals("2.0")
        || !call.path("method").isTextual()
        || (call.has("params") && !call.get("params").isArray())) {
      return Future.succeededFuture(
          error(replyId, JsonRpcException.INVALID_REQUEST, "Invalid Request"));
    }
    boolean notification = id == null;
    String name = call.get("method").asText();
    JsonRpcMethod method = methods.get(name);
    if (method == null && eth.isPresent() && eth.get().methods().contains(name)) {
      EthBackend backend = eth.get();
      method = new EthMethod(backend, name, shard);
    }
    if (method == null) {
      return notification
          ? Future.succeededFuture()
          : Future.succeededFuture(
              error(replyId, JsonRpcException.METHOD_NOT_FOUND, "Method not found"));
    }
    JsonNode params = call.has("params") ? call.get("params") : NODES.arrayNode();
    Future<Object> result;
    try {
      result = method.call(params, request);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.transform(
        ar -> {
          if (notification) {
            return Future.succeededFuture();
          }
          if (ar.succeeded()) {
            ObjectNode ok = envelope(replyId);
            ok.set("result", ApiJson.mapper().valueToTree(ar.result()));
            return Future.succeededFuture(ok);
          }
          return Future.succeededFuture(failure(replyId, ar.cause()));
        });
  }

  private static JsonNode failure(JsonNode id, Throwable cause) {
    if (cause instanceof JsonRpcException e) {
      return error(id, e.code(), e.getMessage());
    }
    if (cause instanceof EthRpcError e) {
      return error(id, e.code(), e.getMessage());
    }
    if (cause instanceof ProblemException p && p.status() == 404) {
      // A shard this node does not hold: the caller's parameter, not our failure.
      return error(id, JsonRpcException.INVALID_PARAMS, "Invalid params: " + p.getMessage());
    }
    if (cause instanceof IllegalArgumentException) {
      return error(id, JsonRpcException.INVALID_PARAMS, "Invalid params: " + cause.getMessage());
    }
    if (cause instanceof ArithmeticException) {
      return error(id, JsonRpcException.INVALID_PARAMS, "Invalid params: number out of range");
    }
    LOG.error("JSON-RPC call failed", cause);
    return error(id, JsonRpcException.INTERNAL_ERROR, "Internal error");
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode node = NODES.objectNode();
    node.put("jsonrpc", "2.0");
    node.set("id", id);
    return node;
  }

  private static JsonNode error(JsonNode id, int code, String message) {
    ObjectNode node = envelope(id);
    node.putObject("error").put("code", code).put("message", message);
    return node;
  }

  private static Future<?> reply(ApiRequest request, JsonNode body) {
    return Future.succeededFuture(render(request, body));
  }

  private static Buffer render(ApiRequest request, JsonNode body) {
    request.header("Content-Type", "application/json");
    return ApiJson.encode(body);
  }
}
