package io.fugue.api.resource.system;

import io.fugue.api.http.ApiContract;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.vertx.core.Future;

/** {@code GET /openapi.json}: the very document the server validates requests with. */
public final class OpenApiEndpoint implements Endpoint {
  private final ApiContract contract;

  public OpenApiEndpoint(ApiContract contract) {
    this.contract = contract;
  }

  @Override
  public String operationId() {
    return "getOpenApi";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    request.header("Content-Type", "application/json");
    return Future.succeededFuture(contract.document());
  }
}
