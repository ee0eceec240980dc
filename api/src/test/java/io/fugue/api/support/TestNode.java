package io.fugue.api.support;

import io.fugue.api.ApiConfig;
import io.fugue.api.server.ApiServer;
import io.fugue.chain.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real {@link ApiServer} on 127.0.0.1 and an OS-chosen port, over {@link InMemoryBackends}, with
 * a {@link WebClient} pointed at it and a hand-moved clock.
 */
public final class TestNode {
  public static final Duration WAIT = Duration.ofSeconds(20);

  public final Vertx vertx;
  public final InMemoryBackends backends = new InMemoryBackends();
  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  public final ApiServer server;
  public final WebClient client;

  public TestNode(Vertx vertx, ApiConfig.Builder config) {
    this.vertx = vertx;
    this.server = new ApiServer(config.host("127.0.0.1").port(0).build(), backends.ports(), clock);
    await(vertx.deployVerticle(server));
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));
  }

  public TestNode(Vertx vertx) {
    this(vertx, ApiConfig.builder());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT, e);
    }
  }

  public HttpResponse<Buffer> get(String path, String token) {
    var req = client.get(path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return await(req.send());
  }

  public HttpResponse<Buffer> post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  public HttpResponse<Buffer> send(String method, String path, String token, Object body) {
    var req = client.request(io.vertx.core.http.HttpMethod.valueOf(method), path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    if (body == null) {
      return await(req.send());
    }
    if (body instanceof String raw) {
      return await(
          req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(raw)));
    }
    return await(req.sendJsonObject(body instanceof JsonObject j ? j : JsonObject.mapFrom(body)));
  }

  /** Logs in through the real challenge/token endpoints and returns the bearer token. */
  public String login(TestKeys.Account account) {
    var challenge =
        post("/v1/auth/challenge", null, new JsonObject().put("address", account.address().toHex()))
            .bodyAsJsonObject();
    var token =
        post(
            "/v1/auth/token",
            null,
            new JsonObject()
                .put("address", account.address().toHex())
                .put("challenge", challenge.getString("challenge"))
                .put("signature", account.sign(challenge.getString("message").getBytes()).toHex()));
    if (token.statusCode() != 201) {
      throw new AssertionError("login failed: " + token.bodyAsString());
    }
    return token.bodyAsJsonObject().getString("token");
  }
}
