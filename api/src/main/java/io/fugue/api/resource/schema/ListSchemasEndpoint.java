package io.fugue.api.resource.schema;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.SchemaList;
import io.fugue.api.port.IssuerBackend;
import io.vertx.core.Future;

/** {@code GET /v1/schemas}. */
public final class ListSchemasEndpoint implements Endpoint {
  private final IssuerBackend issuers;

  public ListSchemasEndpoint(IssuerBackend issuers) {
    this.issuers = issuers;
  }

  @Override
  public String operationId() {
    return "listSchemas";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(issuers::schemas).map(SchemaList::new);
  }
}
