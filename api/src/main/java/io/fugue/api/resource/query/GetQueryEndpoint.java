package io.fugue.api.resource.query;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.port.QueryBackend;
import io.vertx.core.Future;

/** {@code GET /v1/queries/{id}}: the query and its status, for its client or holder. */
public final class GetQueryEndpoint implements Endpoint {
  private final QueryBackend queries;

  public GetQueryEndpoint(QueryBackend queries) {
    this.queries = queries;
  }

  @Override
  public String operationId() {
    return "getQuery";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("id"));
    return request.outcome(() -> queries.query(request.caller(), id));
  }
}
