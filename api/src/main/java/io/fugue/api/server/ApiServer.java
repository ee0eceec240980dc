package io.fugue.api.server;

import io.fugue.api.ApiConfig;
import io.fugue.api.auth.Authenticator;
import io.fugue.api.auth.ChallengeStore;
import io.fugue.api.auth.TokenStore;
import io.fugue.api.http.ApiContract;
import io.fugue.api.http.BackendCalls;
import io.fugue.api.http.EndpointBinder;
import io.fugue.api.http.MetricsHandler;
import io.fugue.api.http.ProblemHandler;
import io.fugue.api.http.ResourceGroup;
import io.fugue.api.http.StandardMethodsHandler;
import io.fugue.api.port.ApiPorts;
import io.fugue.api.ratelimit.RateLimiter;
import io.fugue.api.resource.Resources;
import io.fugue.api.resource.system.HealthEndpoint;
import io.fugue.api.resource.system.MetricsEndpoint;
import io.fugue.api.resource.system.OpenApiEndpoint;
import io.fugue.api.rpc.EthWebSocketHandler;
import io.fugue.api.rpc.JsonRpcEndpoint;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP API as a verticle: REST under {@code /v1}, JSON-RPC at {@code /rpc}, {@code
 * /openapi.json}, {@code /health} and {@code /metrics}, all driven by the OpenAPI document and
 * served over the {@link ApiPorts}. Deploy it, then read {@link #actualPort()}.
 */
public final class ApiServer extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  public static final String WORKER_POOL = "fugue-api-backend";

  private final ApiConfig config;
  private final ApiPorts ports;
  private final Clock clock;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private WorkerExecutor worker;
  private HttpServer server;

  public ApiServer(ApiConfig config, ApiPorts ports, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.clock = Objects.requireNonNull(clock, "clock");
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public ApiServer(ApiConfig config, ApiPorts ports) {
    this(config, ports, Clock.systemUTC());
  }

  @Override
  public Future<?> start() {
    worker = vertx.createSharedWorkerExecutor(WORKER_POOL, config.workerPoolSize());
    return ApiContract.load(vertx)
        .map(this::router)
        .compose(
            router -> {
              ConnectionGuard guard = new ConnectionGuard(vertx, config.connections(), registry);
              return vertx
                  .createHttpServer(
                      new HttpServerOptions()
                          .setHost(config.host())
                          .setPort(config.port())
                          .setMaxInitialLineLength(8192)
                          .setMaxHeaderSize(16 * 1024)
                          // No h2c: Vert.x then sets an HTTP/1.1 connection up at accept (not at
                          // its first request), so the ConnectionGuard's clock starts at once.
                          .setHttp2ClearTextEnabled(false)
                          .setIdleTimeout((int) config.connections().idleTimeout().toMillis())
                          .setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
                  .connectionHandler(guard::onConnection)
                  .requestHandler(guard.requests(router))
                  .webSocketHandler(guard.webSockets(webSockets()))
                  .listen();
            })
        .onSuccess(
            s -> {
              server = s;
              LOG.info("API listening on http://{}:{}", config.host(), s.actualPort());
            });
  }

  /** eth_subscribe on /ws when the chain offers the Ethereum namespace; otherwise refused. */
  private Handler<ServerWebSocket> webSockets() {
    return ports
        .chain()
        .ethereum()
        .<Handler<ServerWebSocket>>map(EthWebSocketHandler::new)
        .orElse(ws -> ws.close((short) 1008, "no WebSocket subscriptions on this node"));
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> worker == null ? Future.succeededFuture() : worker.close());
  }

  /** The bound port (useful with port 0); -1 before the server listens. */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  public PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  private Router router(ApiContract contract) {
    var limits = config.limits();
    Authenticator auth =
        new Authenticator(
            new ChallengeStore(
                clock, config.challengeTtl(), limits.maxChallenges(), new SecureRandom()),
            new TokenStore(clock, config.tokenTtl(), limits.maxTokens(), new SecureRandom()),
            ports.signatures());
    BackendCalls calls = new BackendCalls(worker, limits.backendTimeout());
    RateLimiter ipLimiter =
        new RateLimiter(limits.ipBurst(), limits.ipPerSecond(), limits.maxRateLimitKeys(), clock);
    RateLimiter callerLimiter =
        new RateLimiter(
            limits.callerBurst(), limits.callerPerSecond(), limits.maxRateLimitKeys(), clock);
    EndpointBinder binder =
        new EndpointBinder(vertx, contract, auth, ports.roles(), ipLimiter, callerLimiter, calls);

    Router root = Router.router(vertx);
    root.route().handler(new MetricsHandler(registry));
    root.route().handler(BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes()));
    if (!config.corsOrigins().isEmpty()) {
      root.route().handler(CorsHandler.create().addOrigins(config.corsOrigins()));
    }
    root.route().handler(new StandardMethodsHandler(contract::allowedMethods));
    ProblemHandler problems = new ProblemHandler(contract::allowedMethods);
    root.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      root.errorHandler(status, problems);
    }
    // Probes and scrapes get their own per-IP buckets (same size): a busy client behind a load
    // balancer must not make the balancer's health check see 429.
    RateLimiter probes =
        new RateLimiter(limits.ipBurst(), limits.ipPerSecond(), limits.maxRateLimitKeys(), clock);
    binder.bind(root, "", new HealthEndpoint(ports.readiness()), probes);
    binder.bind(root, "", new HealthEndpoint(ports.readiness(), HealthEndpoint.Probe.LIVE), probes);
    binder.bind(
        root, "", new HealthEndpoint(ports.readiness(), HealthEndpoint.Probe.READY), probes);
    binder.bind(root, "", new MetricsEndpoint(registry), probes);
    binder.bind(root, "", new OpenApiEndpoint(contract));
    binder.bind(root, "", new JsonRpcEndpoint(ports.chain(), limits.maxRpcBatch(), ipLimiter));
    binder.bind(
        root, "", new JsonRpcEndpoint(ports.chain(), limits.maxRpcBatch(), ipLimiter, true));

    Router v1 = Router.router(vertx);
    root.route("/v1/*").subRouter(v1);
    for (ResourceGroup group : Resources.v1(ports, auth)) {
      Router groupRouter = Router.router(vertx);
      group.endpoints().forEach(e -> binder.bind(groupRouter, group.mountPath(), e));
      // "/x*" rather than "/x/*": the group also owns its bare path (POST /v1/issuers).
      v1.route(group.mountPath().substring("/v1".length()) + "*").subRouter(groupRouter);
    }
    binder.checkComplete();
    return root;
  }
}
