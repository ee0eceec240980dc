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
 * typed parameters, the body as a record, the caller, and a way to call backends off the event
 * loop.
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

  /**
   * An integer path parameter, parsed from the raw text: the schema validator accepts any JSON
   * number with an integral value ({@code 1.0}, {@code 1e0}) and unbounded ones, so only plain
   * decimal digits within {@code [0, max]} pass here, everything else is a 400 naming it.
   */
  public long pathLong(String name, long max) {
    Objects.requireNonNull(validated.getPathParameters().get(name), name);
    return decimal(name, ctx.pathParam(name), max);
  }

  /**
   * Like {@link #pathLong} for an endpoint that reads its raw body ({@code x-fugue-raw-body}),
   * whose parameters the contract validator does not see.
   */
  public long rawPathLong(String name, long max) {
    return decimal(name, ctx.pathParam(name), max);
  }

  /** Like {@link #pathLong} for an optional query parameter. */
  public Optional<Long> queryLong(String name, long max) {
    String raw = ctx.queryParams().get(name);
    return raw == null ? Optional.empty() : Optional.of(decimal(name, raw, max));
  }

  public static long decimal(String name, String raw, long max) {
    if (raw == null
        || raw.isEmpty()
        || raw.length() > 19
        || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ProblemException.badRequest(
          name + " must be a decimal integer from 0 to " + max + " (digits only)", null);
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 0 || value > max) {
      throw ProblemException.badRequest(name + " must be from 0 to " + max, null);
    }
    return value;
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
    return ctx.body() == null || ctx.body().buffer() == null
        ? Buffer.buffer()
        : ctx.body().buffer();
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

  /** A header of the incoming request, or null. */
  public String requestHeader(String name) {
    return ctx.request().getHeader(name);
  }

  public String remoteAddress() {
    return ctx.request().remoteAddress() == null
        ? "unknown"
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
    return calls
        .call(call)
        .map(o -> o.orElseThrow(() -> ProblemException.notFound(what + " not found")));
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
