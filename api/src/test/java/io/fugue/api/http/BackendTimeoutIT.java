package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiConfig;
import io.fugue.api.ApiLimits;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BackendTimeoutIT {

  @Test
  void shouldAnswer503WhenABackendDoesNotAnswerInTime(Vertx vertx) {
    TestNode node =
        new TestNode(
            vertx,
            ApiConfig.builder()
                .limits(ApiLimits.defaults().withBackendTimeout(Duration.ofMillis(300))));
    node.backends.hangShards = true;
    var r = node.get("/v1/chain/shards", null);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.bodyAsJsonObject().getString("type"))
        .isEqualTo("urn:fugue:problem:backend-timeout");
    // the server stays usable
    assertThat(node.get("/v1/chain/shards/0/blocks/1", null).statusCode()).isEqualTo(200);
  }
}
