package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.port.ChainBackend;
import io.fugue.api.model.AccountAddress;
import io.vertx.core.Future;

/** {@code GET /v1/chain/accounts/{address}}: balance and nonce. */
public final class GetAccountEndpoint implements Endpoint {
  private final ChainBackend chain;

  public GetAccountEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "getAccount";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    AccountAddress address = AccountAddress.fromHex(request.path("address"));
    return request.found(() -> chain.account(address), "account " + address);
  }
}
