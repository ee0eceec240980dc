package io.fugue.api.http;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code fugue_api_requests_seconds}, tagged by route template (not the
 * concrete path, to keep the series bounded), method and status.
 */
public final class MetricsHandler implements Handler<RoutingContext> {
  static final String ROUTE = "fugue.route";
  private static final String TIMED = "fugue.timed";
  private static final Set<HttpMethod> STANDARD =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.POST,
          HttpMethod.PUT,
          HttpMethod.DELETE,
          HttpMethod.PATCH,
          HttpMethod.OPTIONS);
  private final PrometheusMeterRegistry registry;

  public MetricsHandler(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.get(TIMED) != null) {
      ctx.next(); // a rerouted request (HEAD as GET) is timed once
      return;
    }
    ctx.put(TIMED, true);
    long start = System.nanoTime();
    ctx.addEndHandler(
        ar ->
            Timer.builder("fugue.api.requests")
                .description("HTTP requests served by the API")
                .tag("route", ctx.get(ROUTE, "unmatched"))
                .tag("method", method(ctx.request().method()))
                .tag("status", Integer.toString(ctx.response().getStatusCode()))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    ctx.next();
  }

  /** Known methods by name; anything else as OTHER, so odd method tokens cannot add series. */
  private static String method(HttpMethod m) {
    return STANDARD.contains(m) ? m.name() : "OTHER";
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
