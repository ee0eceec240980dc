package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiConfig;
import io.fugue.api.ConnectionLimits;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slow-loris clients over raw sockets against a real server: a stalled request line, stalled
 * headers, a stalled body and too many connections from one IP are cut off, and counted, while a
 * normal client is served throughout.
 */
@ExtendWith(VertxExtension.class)
class SlowClientIT {
  private static final Duration HEADER = Duration.ofMillis(600);
  private static final Duration BODY = Duration.ofMillis(600);
  private static final int MAX_PER_IP = 6;

  @Test
  void shouldCutOffSlowAndSurplusConnectionsAndKeepServingOthers(Vertx vertx) throws Exception {
    TestNode node =
        new TestNode(
            vertx,
            ApiConfig.builder()
                .connections(
                    new ConnectionLimits(HEADER, BODY, Duration.ofSeconds(30), MAX_PER_IP)));
    int port = node.server.actualPort();

    try (Socket partialLine = open(port, "GET /hea");
        Socket partialHeaders = open(port, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n");
        Socket partialBody =
            open(
                port,
                "POST /v1/queries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 400\r\n\r\n{\"attestations\":")) {
      assertThat(node.get("/health", null).statusCode())
          .as("a normal client is served while three connections stall")
          .isEqualTo(200);
      long started = System.nanoTime();
      assertClosedByServer(partialLine);
      assertClosedByServer(partialHeaders);
      assertClosedByServer(partialBody);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("cut off near the timeouts, not left open")
          .isLessThan(Duration.ofSeconds(5));
    }

    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_PER_IP + 1; i++) {
        held.add(open(port, ""));
      }
      assertClosedByServer(held.get(MAX_PER_IP));
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
    assertThat(node.get("/health", null).statusCode())
        .as("connections freed by closing count down again")
        .isEqualTo(200);

    String metrics = node.get("/metrics", null).bodyAsString();
    assertThat(metric(metrics, "header_timeout")).isGreaterThanOrEqualTo(2);
    assertThat(metric(metrics, "body_timeout")).isGreaterThanOrEqualTo(1);
    assertThat(metric(metrics, "per_ip_cap")).isGreaterThanOrEqualTo(1);
  }

  private static Socket open(int port, String written) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(10_000);
    OutputStream out = s.getOutputStream();
    out.write(written.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  /** Reads until the server closes the socket; fails if it stays open for 10 s. */
  private static void assertClosedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // a server may answer 408/400 before closing; only the close matters here
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept a stalled connection open for 10 s", e);
    } catch (IOException reset) {
      // a reset is a close too
    }
  }

  private static double metric(String exposition, String reason) {
    for (String line : exposition.split("\n", -1)) {
      if (line.startsWith("fugue_api_connections_closed_total{")
          && line.contains("reason=\"" + reason + "\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no fugue_api_connections_closed_total for " + reason);
  }
}
