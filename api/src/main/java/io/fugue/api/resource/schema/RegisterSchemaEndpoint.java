package io.fugue.api.resource.schema;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.SchemaView;
import io.fugue.api.port.IssuerBackend;
import io.vertx.core.Future;

/** {@code POST /v1/schemas}: governance registers a schema (201). */
public final class RegisterSchemaEndpoint implements Endpoint {
  private final IssuerBackend issuers;

  public RegisterSchemaEndpoint(IssuerBackend issuers) {
    this.issuers = issuers;
  }

  @Override
  public String operationId() {
    return "registerSchema";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    SchemaView body = request.body(SchemaView.class);
    return request
        .outcome(() -> issuers.registerSchema(request.caller(), body))
        .map(
            view -> {
              request.status(201);
              return view;
            });
  }
}
