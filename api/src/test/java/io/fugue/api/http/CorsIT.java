package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiConfig;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CorsIT {
  private static HttpResponse<Buffer> fromOrigin(TestNode node, String origin) {
    return TestNode.await(node.client.get("/v1/chain/shards").putHeader("Origin", origin).send());
  }

  @Test
  void shouldSendNoCorsHeadersByDefault(Vertx vertx) {
    TestNode node = new TestNode(vertx);
    HttpResponse<Buffer> r = fromOrigin(node, "https://wallet.example");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void shouldAllowOnlyConfiguredOrigins(Vertx vertx) {
    TestNode node =
        new TestNode(vertx, ApiConfig.builder().corsOrigins(List.of("https://wallet.example")));
    assertThat(fromOrigin(node, "https://wallet.example").getHeader("Access-Control-Allow-Origin"))
        .isEqualTo("https://wallet.example");
    HttpResponse<Buffer> other = fromOrigin(node, "https://evil.example");
    assertThat(other.getHeader("Access-Control-Allow-Origin")).isNull();
  }
}
