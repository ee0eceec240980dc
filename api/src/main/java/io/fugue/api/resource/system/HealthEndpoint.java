package io.fugue.api.resource.system;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Health;
import io.fugue.api.port.ReadinessCheck;
import io.vertx.core.Future;

/**
 * {@code GET /health} (liveness and readiness), {@code /health/live} and {@code /health/ready}, as
 * Kubernetes probes expect: answering at all proves liveness, so {@code /health/live} is 200
 * without asking the node; readiness comes from the port. Not ready, or a failing check, is 503
 * with the same body, so a probe needs only the status code.
 */
public final class HealthEndpoint implements Endpoint {
  /** Which of the three routes. */
  public enum Probe {
    BOTH("getHealth"),
    LIVE("getLiveness"),
    READY("getReadiness");

    private final String operationId;

    Probe(String operationId) {
      this.operationId = operationId;
    }
  }

  private final ReadinessCheck readiness;
  private final Probe probe;

  public HealthEndpoint(ReadinessCheck readiness) {
    this(readiness, Probe.BOTH);
  }

  public HealthEndpoint(ReadinessCheck readiness, Probe probe) {
    this.readiness = readiness;
    this.probe = probe;
  }

  @Override
  public String operationId() {
    return probe.operationId;
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    if (probe == Probe.LIVE) {
      return Future.succeededFuture(
          new Health("UP", true, false, "live (readiness is not checked here: /health/ready)"));
    }
    return request
        .backend(readiness::check)
        .map(r -> new Health(r.ready() ? "UP" : "DOWN", true, r.ready(), r.detail()))
        .recover(
            e ->
                Future.succeededFuture(
                    new Health("DOWN", true, false, "readiness check failed: " + e.getMessage())))
        .map(
            h -> {
              request.status(h.ready() ? 200 : 503);
              return h;
            });
  }
}
