package io.fugue.api.resource.query;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.port.QueryBackend;
import io.vertx.core.Future;

/** {@code GET /v1/queries/{id}/result}: the one-bit outcome, for the client. */
public final class GetQueryResultEndpoint implements Endpoint {
  private final QueryBackend queries;

  public GetQueryResultEndpoint(QueryBackend queries) {
    this.queries = queries;
  }

  @Override
  public String operationId() {
    return "getQueryResult";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("id"));
    return request.outcome(() -> queries.result(request.caller(), id));
  }
}
