package io.fugue.api.port;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.DelegatorView;
import io.fugue.api.model.EpochCommittees;
import io.fugue.api.model.StakingInfo;
import io.fugue.api.model.ValidatorView;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The beacon chain's staking state as this node holds it (docs/staking.md): parameters and the
 * epoch, validators, a delegator's delegations and rewards, the elected committees of an epoch.
 * Writes are transactions signed by the actor's account ({@code fugue staking …} builds them) and
 * go through {@code POST /v1/chain/transactions}. Called from a worker thread.
 */
public interface StakingBackend {
  /** Empty on a network without staking. */
  Future<Optional<StakingInfo>> info();

  Future<List<ValidatorView>> validators();

  Future<Optional<ValidatorView>> validator(AccountAddress operator);

  Future<Optional<DelegatorView>> delegator(AccountAddress account);

  /** Empty for an epoch not elected yet (or no staking). */
  Future<Optional<EpochCommittees>> committees(long epoch);
}
