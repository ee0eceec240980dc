package io.fugue.api.resource.system;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** {@code GET /metrics}: every meter in the Prometheus text exposition format 0.0.4. */
public final class MetricsEndpoint implements Endpoint {
  private final PrometheusMeterRegistry registry;

  public MetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String operationId() {
    return "getMetrics";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    request.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    return Future.succeededFuture(Buffer.buffer(registry.scrape()));
  }
}
