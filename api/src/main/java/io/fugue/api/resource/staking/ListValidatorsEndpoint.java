package io.fugue.api.resource.staking;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.ValidatorList;
import io.fugue.api.port.StakingBackend;
import io.vertx.core.Future;

/** {@code GET /v1/staking/validators}: every validator with its seats. */
public final class ListValidatorsEndpoint implements Endpoint {
  private final StakingBackend staking;

  public ListValidatorsEndpoint(StakingBackend staking) {
    this.staking = staking;
  }

  @Override
  public String operationId() {
    return "listValidators";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(staking::validators).map(ValidatorList::new);
  }
}
