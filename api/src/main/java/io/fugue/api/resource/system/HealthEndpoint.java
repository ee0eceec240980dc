package io.fugue.api.resource.system;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Health;
import io.fugue.api.port.ReadinessCheck;
import io.vertx.core.Future;

/**
 * {@code GET /health}: answering at all proves liveness; readiness comes from the port. Not ready,
 * or a failing check, is 503 with the same body, so a probe needs only the status code.
 */
public final class HealthEndpoint implements Endpoint {
  private final ReadinessCheck readiness;

  public HealthEndpoint(ReadinessCheck readiness) {
    this.readiness = readiness;
  }

  @Override
  public String operationId() {
    return "getHealth";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(readiness::check)
        .map(r -> new Health(r.ready() ? "UP" : "DOWN", true, r.ready(), r.detail()))
        .recover(e -> Future.succeededFuture(
            new Health("DOWN", true, false, "readiness check failed: " + e.getMessage())))
        .map(h -> {
          request.status(h.ready() ? 200 : 503);
          return h;
        });
  }
}
