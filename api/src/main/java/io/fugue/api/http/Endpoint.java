package io.fugue.api.http;

import io.vertx.core.Future;

/**
 * One API operation. Its path, method, role and request schema come from the OpenAPI document under
 * {@link #operationId()}; the handler only turns a validated request into a response body (a record
 * rendered as JSON, or null for 204).
 */
public interface Endpoint {
  String operationId();

  Future<?> handle(ApiRequest request);
}
