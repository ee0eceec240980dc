package io.fugue.api.resource.staking;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.port.StakingBackend;
import io.vertx.core.Future;

/** {@code GET /v1/staking/validators/{account}}: one validator by its operator account. */
public final class GetValidatorEndpoint implements Endpoint {
  private final StakingBackend staking;

  public GetValidatorEndpoint(StakingBackend staking) {
    this.staking = staking;
  }

  @Override
  public String operationId() {
    return "getValidator";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    AccountAddress account = AccountAddress.fromHex(request.path("account"));
    return request.found(() -> staking.validator(account), "validator " + account);
  }
}
