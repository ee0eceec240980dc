package io.fugue.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Validates a request (parameters and body) against its OpenAPI operation before any backend is
 * called; a request that does not match fails with a 400 problem listing what is wrong.
 */
final class ValidationHandler implements Handler<RoutingContext> {
  static final String VALIDATED = "fugue.validated";

  private final Operation operation;
  private final RequestValidator validator;

  ValidationHandler(Operation operation, RequestValidator validator) {
    this.operation = operation;
    this.validator = validator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Buffer body =
        ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    Future<ValidatableRequest> extracted;
    try {
      extracted =
          RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(body));
    } catch (ValidatorException e) {
      extracted = Future.failedFuture(e);
    }
    extracted
        .compose(request -> validator.validate(request, operation.getOperationId()))
        .onSuccess(
            validated -> {
              ctx.put(VALIDATED, validated);
              ctx.next();
            })
        .onFailure(ctx::fail);
  }
}
