package io.fugue.api.http;

import io.fugue.api.model.Caller;
import io.fugue.api.port.Outcome;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What an endpoint sees of a request that passed authentication, rate limiting and validation:
 * typed parameters, the body as a record, the caller, and a way to call backends off the event loop.
 */
public final class ApiRequest {
  private final RoutingContext ctx;
  private final ValidatedRequest validated;
  private final Caller caller;
  private final BackendCalls calls;

  ApiRequest(RoutingContext ctx, ValidatedRequest validated, Caller caller, BackendCalls calls) {
    this.ctx = ctx;
    this.validated = validated;
    this.caller = caller;
    this.calls = calls;
  }

  /** The authenticated caller; only public endpoints have none. */
  public Caller caller() {
    return Objects.requireNonNull(caller, "public endpoint has no caller");
  }

  public String path(String name) {
    RequestParameter p = validated.getPathParameters().get(name);
    return String.valueOf(Objects.requireNonNull(p, name).get());
  }

  public long pathLong(String name) {
    RequestParameter p = Objects.requireNonNull(validated.getPathParameters().get(name), name);
    return ((Number) p.get()).longValue();
  }

  public Optional<String> query(String name) {
    RequestParameter p = validated.getQuery().get(name);
    return p == null || p.isNull() ? Optional.empty() : Optional.of(String.valueOf(p.get()));
  }

  public <T> T body(Class<T> type) {
    RequestParameter body = validated.getBody();
    if (body == null || body.isNull()) {
      throw ProblemException.badRequest("a request body is required", null);
    }
    return ApiJson.convert(body.get(), type);
  }

  /** The body as received, for operations that parse it themselves ({@code x-fugue-raw-body}). */
  public Buffer rawBody() {
    return ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
  }

  /** Sets the success status (e.g. 201) of the response. */
  public ApiRequest status(int code) {
    ctx.response().setStatusCode(code);
    return this;
  }

  public ApiRequest header(String name, String value) {
    ctx.response().putHeader(name, value);
    return this;
  }

  public String remoteAddress() {
    return ctx.request().remoteAddress() == null ? "unknown"
        : ctx.request().remoteAddress().hostAddress();
  }

  /** Calls a backend port from the API's worker pool, so the port may block. */
  public <T> Future<T> backend(Callable<Future<T>> call) {
    return calls.call(call);
  }

  /** Runs a synchronous CPU-heavy computation (signature checks) off the event loop. */
  public <T> Future<T> compute(Callable<T> call) {
    return calls.compute(call);
  }

  /** Like {@link #backend} for ports answering {@link Outcome}: a rejection becomes a problem. */
  public <T> Future<T> outcome(Callable<Future<Outcome<T>>> call) {
    return calls.call(call).map(ApiRequest::unwrap);
  }

  /** Like {@link #backend} for lookups: empty becomes 404. */
  public <T> Future<T> found(Callable<Future<Optional<T>>> call, String what) {
    return calls.call(call).map(o -> o.orElseThrow(
        () -> ProblemException.notFound(what + " not found")));
  }

  static <T> T unwrap(Outcome<T> outcome) {
    if (outcome instanceof Outcome.Done<T> done) {
      return done.value();
    }
    Outcome.Rejected<T> r = (Outcome.Rejected<T>) outcome;
    String kind = r.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
    throw ProblemException.of(r.reason().httpStatus(), kind, "Request refused", r.detail());
  }
}
