package io.fugue.api.resource.query;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.CreateQueryRequest;
import io.fugue.api.port.QueryBackend;
import io.vertx.core.Future;

/** {@code POST /v1/queries}: a client asks a range query (201). */
public final class CreateQueryEndpoint implements Endpoint {
  private final QueryBackend queries;

  public CreateQueryEndpoint(QueryBackend queries) {
    this.queries = queries;
  }

  @Override
  public String operationId() {
    return "createQuery";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    CreateQueryRequest body = request.body(CreateQueryRequest.class);
    return request
        .outcome(() -> queries.create(request.caller(), body))
        .map(
            view -> {
              request.status(201);
              return view;
            });
  }
}
