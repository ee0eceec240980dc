package io.fugue.api.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AccountView;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class JsonRpcIT {
  private static final String ADDRESS = "0x" + "ab".repeat(20);
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = new TestNode(vertx);
    node.backends.putAccount(new AccountView(AccountAddress.fromHex(ADDRESS), 1, "1000", 3));
  }

  private HttpResponse<Buffer> rpc(String body) {
    HttpResponse<Buffer> r = node.post("/rpc", null, body);
    return r;
  }

  private JsonObject call(String method, JsonArray params) {
    HttpResponse<Buffer> r =
        rpc(
            new JsonObject()
                .put("jsonrpc", "2.0")
                .put("id", 7)
                .put("method", method)
                .put("params", params)
                .encode());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject o = r.bodyAsJsonObject();
    assertThat(o.getString("jsonrpc")).isEqualTo("2.0");
    assertThat(o.getInteger("id")).isEqualTo(7);
    return o;
  }

  private static int code(JsonObject response) {
    return response.getJsonObject("error").getInteger("code");
  }

  @Test
  void shouldAnswerChainReads() {
    assertThat(call("fugue_blockNumber", new JsonArray()).getString("result")).isEqualTo("0x1");
    assertThat(call("fugue_getBalance", new JsonArray().add(ADDRESS)).getString("result"))
        .isEqualTo("0x3e8");
    assertThat(
            call("fugue_getBlockByNumber", new JsonArray().add("0x0").add(1))
                .getJsonObject("result")
                .getInteger("number"))
        .isEqualTo(1);
    assertThat(call("fugue_getBlockByNumber", new JsonArray().add(0).add(99)).containsKey("result"))
        .isTrue();
    assertThat(call("fugue_getBlockByNumber", new JsonArray().add(0).add(99)).getValue("result"))
        .isNull();
  }

  @Test
  void shouldSubmitARawTransactionOrReportItsRejection() {
    assertThat(call("fugue_sendRawTransaction", new JsonArray().add("0xf1aa")).getString("result"))
        .matches("0x[0-9a-f]{64}");
    JsonObject rejected = call("fugue_sendRawTransaction", new JsonArray().add("0x01aa"));
    assertThat(code(rejected)).isEqualTo(-32000);
    assertThat(rejected.getJsonObject("error").getString("message"))
        .contains("unknown transaction type");
  }

  @Test
  void shouldReturnParseErrorForMalformedJson() {
    HttpResponse<Buffer> r = rpc("{\"jsonrpc\": \"2.0\", \"method\"");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(code(r.bodyAsJsonObject())).isEqualTo(-32700);
    assertThat(r.bodyAsJsonObject().getValue("id")).isNull();
  }

  @Test
  void shouldReturnInvalidRequestForBadEnvelopes() {
    assertThat(
            code(
                rpc("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"fugue_blockNumber\"}")
                    .bodyAsJsonObject()))
        .isEqualTo(-32600);
    assertThat(
            code(
                rpc("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"fugue_blockNumber\"}")
                    .bodyAsJsonObject()))
        .isEqualTo(-32600);
    assertThat(code(rpc("[]").bodyAsJsonObject())).isEqualTo(-32600);
    assertThat(code(rpc("42").bodyAsJsonObject())).isEqualTo(-32600);
  }

  @Test
  void shouldReturnMethodNotFound() {
    assertThat(code(call("eth_mine", new JsonArray()))).isEqualTo(-32601);
  }

  @Test
  void shouldReturnInvalidParams() {
    assertThat(code(call("fugue_getBalance", new JsonArray().add("0x12")))).isEqualTo(-32602);
    assertThat(code(call("fugue_getBalance", new JsonArray()))).isEqualTo(-32602);
    assertThat(code(call("fugue_getBlockByNumber", new JsonArray().add(0).add(-1))))
        .isEqualTo(-32602);
    assertThat(code(call("fugue_getBlockByNumber", new JsonArray().add("0xffffffffff").add(1))))
        .isEqualTo(-32602);
    assertThat(code(call("fugue_sendRawTransaction", new JsonArray().add("0xzz"))))
        .isEqualTo(-32602);
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldAnswerABatchInOrderAndSkipNotifications() {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"fugue_blockNumber\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"fugue_blockNumber\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]";
    JsonArray out = rpc(batch).bodyAsJsonArray();
    assertThat(out).hasSize(2);
    assertThat(out.getJsonObject(0).getString("id")).isEqualTo("a");
    assertThat(out.getJsonObject(0).getString("result")).isEqualTo("0x1");
    assertThat(code(out.getJsonObject(1))).isEqualTo(-32601);
  }

  @Test
  void shouldRefuseABodyThatIsNotDeclaredJson() {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded"}) {
      HttpResponse<Buffer> r =
          TestNode.await(
              node.client
                  .post("/rpc")
                  .putHeader("Content-Type", type)
                  .sendBuffer(
                      Buffer.buffer(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fugue_blockNumber\"}")));
      assertThat(r.statusCode()).as(type).isEqualTo(415);
      assertThat(r.getHeader("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(node.backends.calls).hasValue(0);
  }

  @Test
  void shouldAnswerAParseErrorToAnEmptyBody() {
    assertThat(code(rpc("").bodyAsJsonObject())).isEqualTo(-32700);
    assertThat(code(rpc("   ").bodyAsJsonObject())).isEqualTo(-32700);
  }

  @Test
  void shouldAnswerInvalidParamsForAShardNotHeld() {
    JsonObject r = call("fugue_getBlockByNumber", new JsonArray().add("0x9").add("0x1"));
    assertThat(code(r)).isEqualTo(-32602);
    assertThat(r.getJsonObject("error").getString("message")).contains("not held");
  }

  @Test
  void shouldCountEveryCallOfABatchAgainstTheRateLimit(Vertx vertx) {
    TestNode limited =
        new TestNode(
            vertx,
            io.fugue.api.ApiConfig.builder()
                .limits(io.fugue.api.ApiLimits.defaults().withIpRate(5, 0)));
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 20; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(i)
          .append(",\"method\":\"fugue_blockNumber\"}");
    }
    JsonArray out = limited.post("/rpc", null, batch.append("]").toString()).bodyAsJsonArray();
    assertThat(out).hasSize(20);
    long served =
        out.stream().map(JsonObject.class::cast).filter(o -> o.containsKey("result")).count();
    long limitedCalls =
        out.stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.containsKey("error") && code(o) == JsonRpcEndpoint.LIMIT_EXCEEDED)
            .count();
    assertThat(served).as("the bucket of 5 pays for 5 calls").isEqualTo(5);
    assertThat(limitedCalls).isEqualTo(15);
    assertThat(
            limited
                .post(
                    "/rpc", null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fugue_blockNumber\"}")
                .statusCode())
        .as("the next request is over the limit")
        .isEqualTo(429);
  }

  @Test
  void shouldAnswer204ToOnlyNotifications() {
    HttpResponse<Buffer> r = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"fugue_blockNumber\"}");
    assertThat(r.statusCode()).isEqualTo(204);
  }
}
