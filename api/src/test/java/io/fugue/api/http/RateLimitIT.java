package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiConfig;
import io.fugue.api.ApiLimits;
import io.fugue.api.model.Role;
import io.fugue.api.support.TestKeys;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RateLimitIT {

  @Test
  void shouldLimitUnauthenticatedCallsPerIpWith429AndRetryAfter(Vertx vertx) {
    TestNode node =
        new TestNode(vertx, ApiConfig.builder().limits(ApiLimits.defaults().withIpRate(3, 0.5)));
    for (int i = 0; i < 3; i++) {
      assertThat(node.get("/v1/chain/shards", null).statusCode()).isEqualTo(200);
    }
    HttpResponse<Buffer> limited = node.get("/v1/chain/shards", null);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(limited.getHeader("Retry-After")).isEqualTo("2");

    node.clock.advance(Duration.ofSeconds(2));
    assertThat(node.get("/v1/chain/shards", null).statusCode()).isEqualTo(200);
    assertThat(node.get("/v1/chain/shards", null).statusCode()).isEqualTo(429);
  }

  @Test
  void shouldKeepHealthAndMetricsOnTheirOwnBudget(Vertx vertx) {
    TestNode node =
        new TestNode(vertx, ApiConfig.builder().limits(ApiLimits.defaults().withIpRate(2, 0)));
    assertThat(node.get("/v1/chain/shards", null).statusCode()).isEqualTo(200);
    assertThat(node.get("/v1/chain/shards", null).statusCode()).isEqualTo(200);
    assertThat(node.get("/v1/chain/shards", null).statusCode())
        .as("the API budget is spent")
        .isEqualTo(429);
    assertThat(node.get("/health/live", null).statusCode()).as("probes are not").isEqualTo(200);
    assertThat(node.get("/metrics", null).statusCode()).isEqualTo(200);
    assertThat(node.get("/metrics", null).statusCode())
        .as("but have a budget of their own")
        .isEqualTo(429);
  }

  @Test
  void shouldCountFailedTokenChecksAgainstTheIp(Vertx vertx) {
    TestNode node =
        new TestNode(vertx, ApiConfig.builder().limits(ApiLimits.defaults().withIpRate(2, 0)));
    assertThat(node.get("/v1/vault/openings", "guess-1").statusCode()).isEqualTo(401);
    assertThat(node.get("/v1/vault/openings", "guess-2").statusCode()).isEqualTo(401);
    assertThat(node.get("/v1/vault/openings", "guess-3").statusCode()).isEqualTo(429);
  }

  @Test
  void shouldLimitEachAccountOnItsOwnBucket(Vertx vertx) {
    TestNode node =
        new TestNode(vertx, ApiConfig.builder().limits(ApiLimits.defaults().withCallerRate(2, 0)));
    TestKeys.Account alice = TestKeys.newAccount();
    TestKeys.Account bob = TestKeys.newAccount();
    node.backends.grant(alice.address(), Role.HOLDER);
    node.backends.grant(bob.address(), Role.HOLDER);
    String a = node.login(alice);
    String b = node.login(bob);
    assertThat(node.get("/v1/vault/openings", a).statusCode()).isEqualTo(200);
    assertThat(node.get("/v1/vault/openings", a).statusCode()).isEqualTo(200);
    assertThat(node.get("/v1/vault/openings", a).statusCode()).isEqualTo(429);
    assertThat(node.get("/v1/vault/openings", b).statusCode()).isEqualTo(200);
  }
}
