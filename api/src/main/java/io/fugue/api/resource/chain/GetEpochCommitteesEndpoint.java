package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.port.StakingBackend;
import io.vertx.core.Future;

/** {@code GET /v1/chain/epochs/{epoch}/committees}: the shard state elected for an epoch. */
public final class GetEpochCommitteesEndpoint implements Endpoint {
  private final StakingBackend staking;

  public GetEpochCommitteesEndpoint(StakingBackend staking) {
    this.staking = staking;
  }

  @Override
  public String operationId() {
    return "getEpochCommittees";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    long epoch = request.pathLong("epoch", Long.MAX_VALUE);
    return request.found(() -> staking.committees(epoch), "committees of epoch " + epoch);
  }
}
