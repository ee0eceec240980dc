package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.api.ApiLimits;
import io.fugue.api.http.ApiJson;
import io.fugue.api.port.EthBackend;
import io.fugue.api.port.EthRpcError;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws} and {@code /ws/{shard}}: Ethereum's {@code eth_subscribe} / {@code eth_unsubscribe}
 * over WebSocket for one shard ({@code /ws} is shard 1, or {@code ?shard=}). Per connection at most
 * {@link #MAX_SUBSCRIPTIONS} subscriptions; a connection whose outgoing queue is full (a slow
 * consumer) is closed with code 1008 and the reason, rather than buffering without bound.
 */
public final class EthWebSocketHandler implements Handler<ServerWebSocket> {
  private static final Logger LOG = LoggerFactory.getLogger(EthWebSocketHandler.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Subscriptions one connection may hold. */
  public static final int MAX_SUBSCRIPTIONS = 16;

  /** Largest text frame read from a client. */
  public static final int MAX_MESSAGE_CHARS = 16 * 1024;

  private static final short POLICY_VIOLATION = 1008;

  private final EthBackend eth;

  public EthWebSocketHandler(EthBackend eth) {
    this.eth = eth;
  }

  @Override
  public void handle(ServerWebSocket ws) {
    int shard;
    try {
      shard = shard(ws);
    } catch (IllegalArgumentException e) {
      ws.close(POLICY_VIOLATION, e.getMessage());
      return;
    }
    Connection c = new Connection(ws, shard, io.vertx.core.Vertx.currentContext());
    ws.textMessageHandler(c::onText);
    ws.closeHandler(v -> c.closeAll());
    ws.exceptionHandler(e -> c.closeAll());
  }

  private static int shard(ServerWebSocket ws) {
    String path = ws.path();
    String named;
    if (path.equals("/ws")) {
      String q = ws.query();
      named = q != null && q.startsWith("shard=") ? q.substring("shard=".length()) : "1";
    } else if (path.startsWith("/ws/")) {
      named = path.substring("/ws/".length());
    } else {
      throw new IllegalArgumentException("no WebSocket at " + path + "; use /ws or /ws/{shard}");
    }
    if (!named.matches("[0-9]{1,5}") || Integer.parseInt(named) > ApiLimits.MAX_SHARD) {
      throw new IllegalArgumentException(
          "shard must be an integer in [0, " + ApiLimits.MAX_SHARD + "]");
    }
    return Integer.parseInt(named);
  }

  private final class Connection {
    private final ServerWebSocket ws;
    private final int shard;
    private final Context context;
    private final Map<String, AutoCloseable> subscriptions = new LinkedHashMap<>();
    private boolean closed;

    Connection(ServerWebSocket ws, int shard, Context context) {
      this.ws = ws;
      this.shard = shard;
      this.context = context;
    }

    void onText(String text) {
      if (text.length() > MAX_MESSAGE_CHARS) {
        send(error(NODES.nullNode(), JsonRpcException.INVALID_REQUEST, "message too large"));
        return;
      }
      JsonNode call;
      try {
        call = ApiJson.mapper().readTree(text);
      } catch (IOException e) {
        send(error(NODES.nullNode(), JsonRpcException.PARSE_ERROR, "Parse error"));
        return;
      }
      JsonNode id = call != null && call.has("id") ? call.get("id") : NODES.nullNode();
      if (call == null
          || !call.isObject()
          || !call.path("method").isTextual()
          || !call.path("params").isArray()) {
        send(error(id, JsonRpcException.INVALID_REQUEST, "Invalid Request"));
        return;
      }
      try {
        switch (call.get("method").asText()) {
          case "eth_subscribe" -> subscribe(id, call.get("params"));
          case "eth_unsubscribe" -> unsubscribe(id, call.get("params"));
          default ->
              send(
                  error(
                      id,
                      JsonRpcException.METHOD_NOT_FOUND,
                      "Method not found: /ws serves eth_subscribe and eth_unsubscribe; use /rpc"));
        }
      } catch (EthRpcError e) {
        send(error(id, e.code(), e.getMessage()));
      } catch (IllegalArgumentException e) {
        send(error(id, JsonRpcException.INVALID_PARAMS, "Invalid params: " + e.getMessage()));
      }
    }

    private void subscribe(JsonNode id, JsonNode params) {
      if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
        send(
            error(
                id,
                EthRpcError.LIMIT_EXCEEDED,
                "Limit exceeded: at most " + MAX_SUBSCRIPTIONS + " subscriptions per connection"));
        return;
      }
      byte[] raw = new byte[16];
      RANDOM.nextBytes(raw);
      String subId = "0x" + HexFormat.of().formatHex(raw);
      AutoCloseable closer =
          eth.subscribe(shard, params, event -> context.runOnContext(v -> notify(subId, event)));
      subscriptions.put(subId, closer);
      send(result(id, NODES.textNode(subId)));
    }

    private void unsubscribe(JsonNode id, JsonNode params) {
      String subId = params.path(0).asText("");
      AutoCloseable closer = subscriptions.remove(subId);
      if (closer != null) {
        close(closer);
      }
      send(result(id, NODES.booleanNode(closer != null)));
    }

    private void notify(String subId, Object event) {
      if (closed || !subscriptions.containsKey(subId)) {
        return;
      }
      if (ws.writeQueueFull()) {
        closeAll();
        ws.close(POLICY_VIOLATION, "slow consumer: the notification queue is full");
        return;
      }
      ObjectNode n = NODES.objectNode();
      n.put("jsonrpc", "2.0");
      n.put("method", "eth_subscription");
      ObjectNode p = n.putObject("params");
      p.put("subscription", subId);
      p.set("result", ApiJson.mapper().valueToTree(event));
      send(n);
    }

    private void send(JsonNode message) {
      if (!closed) {
        ws.writeTextMessage(message.toString());
      }
    }

    void closeAll() {
      closed = true;
      subscriptions.values().forEach(this::close);
      subscriptions.clear();
    }

    private void close(AutoCloseable closer) {
      try {
        closer.close();
      } catch (Exception e) {
        LOG.warn("closing a subscription failed: {}", e.toString());
      }
    }
  }

  private static ObjectNode result(JsonNode id, JsonNode value) {
    ObjectNode o = NODES.objectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", id);
    o.set("result", value);
    return o;
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode o = NODES.objectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", id);
    o.putObject("error").put("code", code).put("message", message);
    return o;
  }
}
