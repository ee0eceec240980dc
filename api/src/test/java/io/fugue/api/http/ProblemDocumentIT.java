package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiConfig;
import io.fugue.api.ApiLimits;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ProblemDocumentIT {
  private static final String TX = "/v1/chain/transactions";
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node =
        new TestNode(
            vertx, ApiConfig.builder().limits(ApiLimits.defaults().withMaxBodyBytes(1024)));
  }

  private JsonObject problem(HttpResponse<Buffer> r, int status) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject p = r.bodyAsJsonObject();
    assertThat(p.getInteger("status")).isEqualTo(status);
    assertThat(p.getString("type")).startsWith("urn:fugue:problem:");
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank();
    return p;
  }

  @Test
  void shouldRejectMalformedJsonWithoutCallingTheBackend() {
    JsonObject p = problem(node.post(TX, null, "{\"rawTransaction\": \"0xf1"), 400);
    assertThat(p.getString("instance")).isEqualTo(TX);
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldRejectWrongTypes() {
    problem(node.post(TX, null, "{\"rawTransaction\": 42}"), 400);
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldRejectUnknownFields() {
    JsonObject p = problem(node.post(TX, null, "{\"rawTransaction\":\"0xf101\",\"fee\":1}"), 400);
    assertThat(p.getString("detail") + p.getJsonArray("errors", new io.vertx.core.json.JsonArray()))
        .contains("fee");
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldRejectBadHexInBodyAndPath() {
    problem(node.post(TX, null, "{\"rawTransaction\":\"0xf1zz\"}"), 400);
    problem(node.post(TX, null, "{\"rawTransaction\":\"f101\"}"), 400);
    problem(node.get("/v1/chain/accounts/0x1234", null), 400);
    problem(node.get("/v1/chain/shards/0/blocks/notanumber", null), 400);
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldReadAnAccountOnTheAskedShardAndRejectAShardTheNodeLacks() {
    String account = "/v1/chain/accounts/0x" + "12".repeat(20);
    var onBeacon = node.get(account + "?shard=0", null);
    assertThat(onBeacon.statusCode()).as(onBeacon.bodyAsString()).isEqualTo(200);
    assertThat(onBeacon.bodyAsJsonObject().getInteger("shard")).isZero();
    assertThat(node.get(account, null).bodyAsJsonObject().getInteger("shard")).isEqualTo(1);
    assertThat(problem(node.get(account + "?shard=2", null), 400).getString("detail"))
        .contains("no shard 2");
    problem(node.get(account + "?shard=-1", null), 400);
    problem(node.get(account + "?shard=one", null), 400);
  }

  @Test
  void shouldRejectOversizeBodyWith413() {
    String big = "{\"rawTransaction\":\"0x" + "ab".repeat(2048) + "\"}";
    problem(node.post(TX, null, big), 413);
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldRejectAnOversizeChunkedBodyWithoutContentLength() {
    var client = node.vertx.createHttpClient();
    var response =
        TestNode.await(
            client
                .request(
                    io.vertx.core.http.HttpMethod.POST, node.server.actualPort(), "127.0.0.1", TX)
                .compose(
                    req -> {
                      req.setChunked(true).putHeader("Content-Type", "application/json");
                      for (int i = 0; i < 8; i++) {
                        req.write("{\"rawTransaction\":\"0x" + "ab".repeat(100) + "\"}");
                      }
                      return req.end().compose(v -> req.response());
                    }));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldAcceptJsonWithACharsetAndRefuseOtherMediaTypes() {
    var withCharset =
        TestNode.await(
            node.client
                .post(TX)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .sendBuffer(Buffer.buffer("{\"rawTransaction\":\"0xf1aa\"}")));
    assertThat(withCharset.statusCode()).as(withCharset.bodyAsString()).isEqualTo(202);
    var text =
        TestNode.await(
            node.client
                .post(TX)
                .putHeader("Content-Type", "text/xml")
                .sendBuffer(Buffer.buffer("<tx/>")));
    problem(text, 415);
  }

  @Test
  void shouldRejectAMissingBody() {
    problem(node.send("POST", TX, null, null), 400);
  }

  @Test
  void shouldAnswerUnknownRouteWith404Problem() {
    problem(node.get("/v1/nothing/here", null), 404);
    problem(node.get("/nothing", null), 404);
  }

  @Test
  void shouldAnswerWrongMethodWith405ProblemAndAllow() {
    HttpResponse<Buffer> r = node.send("DELETE", "/v1/chain/shards", null, null);
    problem(r, 405);
    assertThat(r.getHeader("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }

  @Test
  void shouldAnswerHeadLikeGetWithoutABodyAndOptionsWithAllow() {
    HttpResponse<Buffer> get = node.get("/v1/chain/shards", null);
    HttpResponse<Buffer> head = node.send("HEAD", "/v1/chain/shards", null, null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("Content-Type")).isEqualTo(get.getHeader("Content-Type"));
    assertThat(head.body()).as("no body on HEAD").isNull();
    HttpResponse<Buffer> options = node.send("OPTIONS", "/v1/chain/transactions", null, null);
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.getHeader("Allow")).isEqualTo("OPTIONS, POST");
    HttpResponse<Buffer> headOnPost = node.send("HEAD", "/v1/chain/transactions", null, null);
    assertThat(headOnPost.statusCode()).isEqualTo(405);
    assertThat(headOnPost.getHeader("Allow")).isEqualTo("OPTIONS, POST");
    problem(node.send("OPTIONS", "/v1/nothing/here", null, null), 404);
  }

  @Test
  void shouldMapBackendRejectionTo422() {
    JsonObject p = problem(node.post(TX, null, "{\"rawTransaction\":\"0x0001\"}"), 422);
    assertThat(p.getString("detail")).contains("unknown transaction type");
  }

  @Test
  void shouldAcceptAValidTransactionAndFindItAgain() {
    HttpResponse<Buffer> r = node.post(TX, null, "{\"rawTransaction\":\"0xf10203\"}");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
    String hash = r.bodyAsJsonObject().getString("hash");
    HttpResponse<Buffer> got = node.get(TX + "/" + hash, null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.bodyAsJsonObject().getString("raw")).isEqualTo("0xf10203");
    assertThat(got.bodyAsJsonObject().containsKey("blockNumber")).isFalse();
  }

  @Test
  void shouldAnswerMissingResourceWith404Problem() {
    problem(node.get("/v1/chain/shards/0/blocks/99", null), 404);
  }

  @Test
  void shouldRunBackendCallsOffTheEventLoop() {
    assertThat(node.get("/v1/chain/shards", null).statusCode()).isEqualTo(200);
    assertThat(node.get("/v1/chain/shards/0/blocks/1", null).statusCode()).isEqualTo(200);
    assertThat(node.backends.calls.get()).isGreaterThanOrEqualTo(2);
    assertThat(node.backends.eventLoopCalls).hasValue(0);
  }
}
