package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.SubmitTransactionRequest;
import io.fugue.api.model.SubmitTransactionResponse;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code POST /v1/chain/transactions}: pools a signed transaction (202). */
public final class SubmitTransactionEndpoint implements Endpoint {
  private final ChainBackend chain;

  public SubmitTransactionEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "submitTransaction";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    SubmitTransactionRequest body = request.body(SubmitTransactionRequest.class);
    return request
        .outcome(() -> chain.submitTransaction(body.rawTransaction()))
        .map(
            hash -> {
              request.status(202);
              return new SubmitTransactionResponse(hash);
            });
  }
}
