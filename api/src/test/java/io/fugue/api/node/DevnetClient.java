package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A test's HTTP view of a running devnet: a real Vert.x WebClient, logins by account-key signature.
 */
final class DevnetClient implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client;

  DevnetClient(int port) {
    this.client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  HttpResponse<Buffer> get(String path, String token) {
    var req = client.get(path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return await(req.send());
  }

  HttpResponse<Buffer> send(String method, String path, String token, Object body) {
    var req = client.request(HttpMethod.valueOf(method), path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    if (body instanceof String raw) {
      return await(
          req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(raw)));
    }
    return await(req.sendJsonObject((JsonObject) body));
  }

  HttpResponse<Buffer> post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  /** Logs in through the challenge and token endpoints with a secp256k1 account key. */
  String login(Secp256k1PrivateKey key) {
    String address = key.address().toBytes().toPrefixedHex();
    JsonObject c =
        post("/v1/auth/challenge", null, new JsonObject().put("address", address))
            .bodyAsJsonObject();
    byte[] message = c.getString("message").getBytes(StandardCharsets.UTF_8);
    String sig = key.sign(Secp256k1SignatureVerifier.digest(message)).toBytes().toPrefixedHex();
    var r =
        post(
            "/v1/auth/token",
            null,
            new JsonObject()
                .put("address", address)
                .put("challenge", c.getString("challenge"))
                .put("signature", sig));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getString("token");
  }

  /**
   * Submits a signed transaction; asserts the node pooled it. A 429 is honoured as a client should:
   * wait its Retry-After, then send the same request again.
   */
  String submit(Transaction tx) {
    JsonObject body = new JsonObject().put("rawTransaction", tx.encode().toPrefixedHex());
    var r = post("/v1/chain/transactions", null, body);
    for (int tries = 0; r.statusCode() == 429 && tries < 20; tries++) {
      pause(r.getHeader("Retry-After"));
      r = post("/v1/chain/transactions", null, body);
    }
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
    return r.bodyAsJsonObject().getString("hash");
  }

  /** Sleeps the seconds a 429's Retry-After asks for (the rate limiter's own pacing). */
  static void pause(String retryAfter) {
    try {
      Thread.sleep(1000L * Long.parseLong(retryAfter == null ? "1" : retryAfter));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits until the transaction is in a finalized block; returns its status. */
  String awaitIncluded(String hash) {
    String[] status = new String[1];
    await(
        "transaction " + hash + " included",
        () -> {
          var r = get("/v1/chain/transactions/" + hash, null);
          status[0] = r.statusCode() == 200 ? r.bodyAsJsonObject().getString("status") : null;
          return status[0] != null && !status[0].equals("pending");
        });
    return status[0];
  }

  static void await(String what, BooleanSupplier condition) {
    Await.until(what, WAIT, condition);
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage()
          .toCompletableFuture()
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer within " + WAIT, e);
    }
  }

  @Override
  public void close() {
    client.close();
    await(vertx.close());
  }
}
