package io.fugue.api.server;

import io.fugue.api.ConnectionLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts off connections that hold the server without finishing requests ({@link ConnectionLimits}):
 * a new connection must complete its first request's headers within the header timeout, a
 * kept-alive one its next request's within the idle timeout of the previous request's start (unless
 * that one is still being served; Vert.x's own idle timeout closes silent connections), a request's
 * body must arrive within the body timeout of its headers, and one IP holds at most {@code
 * maxPerIp} connections. Every cut is counted in {@code
 * fugue_api_connections_closed_total{reason}}. Vert.x runs a connection's handlers on one event
 * loop; the maps are concurrent because different connections may live on different loops.
 */
final class ConnectionGuard {
  private final Vertx vertx;
  private final ConnectionLimits limits;
  private final Map<String, Integer> perIp = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();
  private final Map<String, Watch> byRemote = new ConcurrentHashMap<>();
  private final Counter headerTimeouts;
  private final Counter bodyTimeouts;
  private final Counter overCap;

  ConnectionGuard(Vertx vertx, ConnectionLimits limits, MeterRegistry registry) {
    this.vertx = vertx;
    this.limits = limits;
    this.headerTimeouts = closed(registry, "header_timeout");
    this.bodyTimeouts = closed(registry, "body_timeout");
    this.overCap = closed(registry, "per_ip_cap");
  }

  private static Counter closed(MeterRegistry registry, String reason) {
    return Counter.builder("fugue.api.connections.closed")
        .description("connections the API closed to protect itself, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  /** What one connection is doing: its pending timer and the request it last started. */
  private static final class Watch {
    long timer = -1;
    HttpServerRequest current;
    boolean upgraded;
  }

  /** For {@code HttpServer.connectionHandler}: counts the IP and starts the header clock. */
  void onConnection(HttpConnection conn) {
    String ip = ip(conn.remoteAddress());
    int held = perIp.merge(ip, 1, Integer::sum);
    Watch watch = new Watch();
    watches.put(conn, watch);
    String remote = String.valueOf(conn.remoteAddress());
    byRemote.put(remote, watch);
    conn.closeHandler(
        v -> {
          perIp.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
          byRemote.remove(remote);
          Watch w = watches.remove(conn);
          if (w != null && w.timer >= 0) {
            vertx.cancelTimer(w.timer);
          }
        });
    if (held > limits.maxPerIp()) {
      overCap.increment();
      conn.close();
      return;
    }
    armHeaderClock(conn, watch, limits.headerTimeout().toMillis());
  }

  /** Wraps the router: a request whose headers are in stops the header clock. */
  Handler<HttpServerRequest> requests(Handler<HttpServerRequest> next) {
    return req -> {
      HttpConnection conn = req.connection();
      Watch watch = watches.get(conn);
      if (watch != null) {
        watch.current = req;
        // After a first request, a kept-alive connection may wait the idle timeout for its next.
        armHeaderClock(conn, watch, limits.idleTimeout().toMillis());
        if (!req.isEnded()) {
          long bodyMs = limits.bodyTimeout().toMillis();
          var unused =
              vertx.setTimer(
                  bodyMs,
                  id -> {
                    if (!req.isEnded() && watches.containsKey(conn)) {
                      bodyTimeouts.increment();
                      conn.close();
                    }
                  });
        }
      }
      next.handle(req);
    };
  }

  /**
   * Wraps the WebSocket handler: a connection upgraded to a WebSocket has finished with HTTP
   * requests, so the header clock stops (the idle timeout and the handler's own limits apply).
   */
  Handler<ServerWebSocket> webSockets(Handler<ServerWebSocket> next) {
    return ws -> {
      Watch watch = byRemote.get(String.valueOf(ws.remoteAddress()));
      if (watch != null) {
        watch.upgraded = true;
        if (watch.timer >= 0) {
          vertx.cancelTimer(watch.timer);
          watch.timer = -1;
        }
      }
      next.handle(ws);
    };
  }

  /**
   * (Re)starts the header clock. When it runs out, a connection still serving its request gets a
   * fresh period; one with no request under way is closed.
   */
  private void armHeaderClock(HttpConnection conn, Watch watch, long millis) {
    if (watch.timer >= 0) {
      vertx.cancelTimer(watch.timer);
    }
    watch.timer =
        vertx.setTimer(
            millis,
            id -> {
              if (!watches.containsKey(conn) || watch.upgraded) {
                return;
              }
              HttpServerRequest req = watch.current;
              if (req != null && !req.response().ended()) {
                armHeaderClock(conn, watch, millis);
                return;
              }
              if (req == null) {
                headerTimeouts.increment(); // opened and never completed a request's headers
              }
              watch.timer = -1;
              conn.close();
            });
  }

  private static String ip(SocketAddress a) {
    if (a == null) {
      return "unknown";
    }
    String host = a.hostAddress();
    return host == null ? String.valueOf(a) : host;
  }
}
