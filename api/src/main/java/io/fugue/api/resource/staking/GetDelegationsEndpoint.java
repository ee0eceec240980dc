package io.fugue.api.resource.staking;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.port.StakingBackend;
import io.vertx.core.Future;

/**
 * {@code GET /v1/staking/delegations/{account}}: an account's delegations, locked undelegations and
 * uncollected rewards.
 */
public final class GetDelegationsEndpoint implements Endpoint {
  private final StakingBackend staking;

  public GetDelegationsEndpoint(StakingBackend staking) {
    this.staking = staking;
  }

  @Override
  public String operationId() {
    return "getDelegations";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    AccountAddress account = AccountAddress.fromHex(request.path("account"));
    return request.found(() -> staking.delegator(account), "staking");
  }
}
