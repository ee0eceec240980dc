package io.fugue.api.port;

import io.fugue.api.model.Readiness;
import io.vertx.core.Future;

/** Whether the node behind the API is ready (synced, storage open); drives {@code /health}. */
@FunctionalInterface
public interface ReadinessCheck {
  Future<Readiness> check();
}
