package io.fugue.api.resource.staking;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.port.StakingBackend;
import io.vertx.core.Future;

/** {@code GET /v1/staking}: the staking parameters and the beacon chain's epoch. */
public final class GetStakingEndpoint implements Endpoint {
  private final StakingBackend staking;

  public GetStakingEndpoint(StakingBackend staking) {
    this.staking = staking;
  }

  @Override
  public String operationId() {
    return "getStaking";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.found(staking::info, "staking (this network's genesis has none)");
  }
}
