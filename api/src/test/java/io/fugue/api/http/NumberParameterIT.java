package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Integer parameters: anything but a plain decimal in range is a 400 naming the parameter. */
@ExtendWith(VertxExtension.class)
class NumberParameterIT {
  private static final String ACCOUNT = "/v1/chain/accounts/0x" + "ab".repeat(20);
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = new TestNode(vertx);
  }

  private void assertBadRequest(HttpResponse<Buffer> r, String parameter) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.bodyAsJsonObject().getString("detail") + r.bodyAsJsonObject().getValue("errors"))
        .contains(parameter);
    assertThat(node.backends.calls).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1e0", "01x", "-1", "1024", "99999999999999999999", "+1", " 1"})
  void shouldRejectMalformedShardQuery(String shard) {
    assertBadRequest(node.get(ACCOUNT + "?shard=" + shard.replace(" ", "%20"), null), "shard");
  }

  @ParameterizedTest
  @ValueSource(strings = {"18446744073709551617", "9223372036854775808", "1.0", "1e0", "-1"})
  void shouldRejectBlockNumbersThatDoNotFitWithoutWrapping(String number) {
    assertBadRequest(node.get("/v1/chain/shards/1/blocks/" + number, null), "number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1e0", "4294967297"})
  void shouldRejectMalformedShardPath(String shard) {
    assertBadRequest(node.get("/v1/chain/shards/" + shard + "/blocks/1", null), "shard");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "0"})
  void shouldAcceptTheLargestBlockNumber(String number) {
    assertThat(node.get("/v1/chain/shards/1/blocks/" + number, null).statusCode()).isEqualTo(404);
    assertThat(node.backends.calls).hasValue(1);
  }
}
