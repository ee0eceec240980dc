package io.fugue.api.resource.schema;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.port.IssuerBackend;
import io.vertx.core.Future;

/** {@code GET /v1/schemas/{id}}. */
public final class GetSchemaEndpoint implements Endpoint {
  private final IssuerBackend issuers;

  public GetSchemaEndpoint(IssuerBackend issuers) {
    this.issuers = issuers;
  }

  @Override
  public String operationId() {
    return "getSchema";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    String id = request.path("id");
    return request.found(() -> issuers.schema(id), "schema " + id);
  }
}
