package io.fugue.api.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single failure handler: renders every failed request, whatever failed it, as {@code
 * application/problem+json}. Unexpected exceptions become a 500 whose detail carries only an
 * incident id; the exception goes to the log under that id.
 */
public final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  private static final String TYPE_PREFIX = "urn:fugue:problem:";

  /** Supplies the {@code Allow} header for a 405, from the OpenAPI document. */
  private final Function<String, List<String>> allowedMethods;

  public ProblemHandler(Function<String, List<String>> allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      LOG.debug("failure after the response started: {}", ctx.failure(), ctx.failure());
      if (!response.ended()) {
        response.reset();
      }
      return;
    }
    ProblemException problem = toProblem(ctx);
    problem.headers().forEach(response::putHeader);
    send(ctx, problem);
  }

  static void send(RoutingContext ctx, ProblemException p) {
    Problem body =
        new Problem(
            TYPE_PREFIX + p.kind(),
            p.title(),
            p.status(),
            p.getMessage(),
            ctx.request().path(),
            errorsOf(p.getCause()));
    ctx.response()
        .setStatusCode(p.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(ApiJson.encode(body));
  }

  private ProblemException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ProblemException p) {
      return p;
    }
    if (failure instanceof ValidatorException v) {
      return fromValidator(v);
    }
    int status = failure instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
    switch (status) {
      case 404:
        return ProblemException.notFound("no resource at " + ctx.request().path());
      case 405:
        return methodNotAllowed(ctx);
      case 413:
        return ProblemException.of(
            413,
            "payload-too-large",
            "Payload too large",
            "the request body exceeds the server's limit");
      case -1:
      case 500:
        return internal(failure);
      default:
        if (status >= 400 && status < 500) {
          String detail =
              failure != null && failure.getMessage() != null
                  ? failure.getMessage()
                  : "the request was refused";
          return ProblemException.of(status, "http-" + status, "Request refused", detail);
        }
        return internal(failure);
    }
  }

  private ProblemException methodNotAllowed(RoutingContext ctx) {
    List<String> allow = allowedMethods.apply(ctx.request().path());
    return new ProblemException(
        405,
        "method-not-allowed",
        "Method not allowed",
        ctx.request().method() + " is not allowed on " + ctx.request().path(),
        allow.isEmpty() ? Map.of() : Map.of("Allow", String.join(", ", allow)),
        null);
  }

  private static ProblemException fromValidator(ValidatorException v) {
    if (v.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT) {
      return new ProblemException(
          415, "unsupported-media-type", "Unsupported media type", v.getMessage(), Map.of(), v);
    }
    return ProblemException.badRequest(v.getMessage(), v);
  }

  private static ProblemException internal(Throwable failure) {
    String incident = UUID.randomUUID().toString();
    LOG.error("request failed, incident {}", incident, failure);
    return ProblemException.of(500, "internal", "Internal error", "incident " + incident);
  }

  private static List<String> errorsOf(Throwable cause) {
    if (cause instanceof SchemaValidationException s
        && s.getOutputUnit() != null
        && s.getOutputUnit().getErrors() != null) {
      return s.getOutputUnit().getErrors().stream()
          .map(
              u ->
                  u.getError()
                      + (u.getInstanceLocation() == null || u.getInstanceLocation().length() <= 1
                          ? ""
                          : " at " + u.getInstanceLocation()))
          .distinct()
          .toList();
    }
    return null;
  }
}
