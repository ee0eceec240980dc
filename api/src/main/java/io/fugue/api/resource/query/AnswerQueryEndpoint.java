package io.fugue.api.resource.query;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.AnswerQueryRequest;
import io.fugue.api.model.Digest;
import io.fugue.api.port.QueryBackend;
import io.vertx.core.Future;

/** {@code POST /v1/queries/{id}/answer}: the holder answers with a proof or vault consent. */
public final class AnswerQueryEndpoint implements Endpoint {
  private final QueryBackend queries;

  public AnswerQueryEndpoint(QueryBackend queries) {
    this.queries = queries;
  }

  @Override
  public String operationId() {
    return "answerQuery";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("id"));
    AnswerQueryRequest body = request.body(AnswerQueryRequest.class);
    return request.outcome(() -> queries.answer(request.caller(), id, body));
  }
}
