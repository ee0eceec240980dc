package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code GET /v1/chain/transactions/{hash}}: a pooled or included transaction. */
public final class GetTransactionEndpoint implements Endpoint {
  private final ChainBackend chain;

  public GetTransactionEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "getTransaction";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest hash = Digest.fromHex(request.path("hash"));
    return request.found(() -> chain.transaction(hash), "transaction " + hash);
  }
}
