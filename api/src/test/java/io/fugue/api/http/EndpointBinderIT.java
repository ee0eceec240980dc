package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.api.ApiException;
import io.fugue.api.auth.Authenticator;
import io.fugue.api.auth.ChallengeStore;
import io.fugue.api.auth.TokenStore;
import io.fugue.api.ratelimit.RateLimiter;
import io.fugue.api.support.TestKeys;
import io.fugue.api.support.TestNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class EndpointBinderIT {

  private static EndpointBinder binder(Vertx vertx) {
    ApiContract contract = TestNode.await(ApiContract.load(vertx));
    Clock clock = Clock.systemUTC();
    Authenticator auth =
        new Authenticator(
            new ChallengeStore(clock, Duration.ofMinutes(1), 10, new SecureRandom()),
            new TokenStore(clock, Duration.ofMinutes(1), 10, new SecureRandom()),
            TestKeys.verifier());
    RateLimiter limiter = new RateLimiter(10, 10, 10, clock);
    return new EndpointBinder(
        vertx,
        contract,
        auth,
        a -> Future.succeededFuture(Set.of()),
        limiter,
        limiter,
        new BackendCalls(vertx.createSharedWorkerExecutor("t"), Duration.ofSeconds(1)));
  }

  private static Endpoint endpoint(String operationId) {
    return new Endpoint() {
      @Override
      public String operationId() {
        return operationId;
      }

      @Override
      public Future<?> handle(ApiRequest request) {
        return Future.succeededFuture();
      }
    };
  }

  @Test
  void shouldRefuseToStartWhenAnOperationHasNoEndpoint(Vertx vertx) {
    EndpointBinder binder = binder(vertx);
    binder.bind(Router.router(vertx), "", endpoint("getHealth"));
    assertThatThrownBy(binder::checkComplete)
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("createQuery")
        .hasMessageNotContaining("getHealth");
  }

  @Test
  void shouldRefuseAnEndpointWithoutAnOperationOrBoundTwiceOrMountedElsewhere(Vertx vertx) {
    EndpointBinder binder = binder(vertx);
    Router router = Router.router(vertx);
    assertThatThrownBy(() -> binder.bind(router, "", endpoint("noSuchOperation")))
        .isInstanceOf(ApiException.class);
    binder.bind(router, "", endpoint("getHealth"));
    assertThatThrownBy(() -> binder.bind(router, "", endpoint("getHealth")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> binder.bind(router, "/v1/vault", endpoint("listShards")))
        .hasMessageContaining("not under");
  }
}
