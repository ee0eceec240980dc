package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.DelegatorView;
import io.fugue.api.model.EpochCommittees;
import io.fugue.api.model.SlotView;
import io.fugue.api.model.StakingInfo;
import io.fugue.api.model.ValidatorView;
import io.fugue.api.port.StakingBackend;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.staking.Delegation;
import io.fugue.chain.staking.ShardCommittee;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.Slot;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingParams;
import io.fugue.chain.staking.StakingState;
import io.fugue.chain.staking.Undelegation;
import io.fugue.chain.staking.Validator;
import io.fugue.chain.state.StateView;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link StakingBackend} over the staking records of the beacon chain this node holds (its own or
 * its replica), read from one head state per call so a response is consistent.
 */
final class LedgerStakingBackend implements StakingBackend {
  private final Supplier<Blockchain> beacon;
  private final Optional<StakingGenesis> staking;

  LedgerStakingBackend(Supplier<Blockchain> beacon, Optional<StakingGenesis> staking) {
    this.beacon = beacon;
    this.staking = staking;
  }

  @Override
  public Future<Optional<StakingInfo>> info() {
    return LedgerChainBackend.call(
        () ->
            staking.map(
                st -> {
                  StakingParams p = st.params();
                  long height = beacon.get().head().number();
                  long epoch = height / p.epochBlocks();
                  return new StakingInfo(
                      epoch,
                      height,
                      p.epochBlocks(),
                      epoch * p.epochBlocks() + p.epochBlocks() - 1,
                      st.electedFromEpoch() == StakingGenesis.NEVER ? null : st.electedFromEpoch(),
                      p.slotsPerShard(),
                      p.minSelfDelegation().toString(),
                      p.minDelegation().toString(),
                      p.maxKeysPerValidator(),
                      p.undelegationLockEpochs(),
                      p.doubleSignSlashBps(),
                      p.reporterShareBps(),
                      p.shardCapBps(),
                      p.availabilityThresholdBps(),
                      p.maxCommissionChangeBps(),
                      Convert.address(StakingState.REWARD_POOL));
                }));
  }

  @Override
  public Future<List<ValidatorView>> validators() {
    return LedgerChainBackend.call(
        () -> {
          if (staking.isEmpty()) {
            return List.of();
          }
          StateView s = beacon.get().headState();
          Optional<ShardState> current = current(s);
          List<ValidatorView> out = new ArrayList<>();
          for (Validator v : StakingState.validators(s)) {
            out.add(view(s, v, current));
          }
          return out;
        });
  }

  @Override
  public Future<Optional<ValidatorView>> validator(AccountAddress operator) {
    return LedgerChainBackend.call(
        () -> {
          if (staking.isEmpty()) {
            return Optional.empty();
          }
          StateView s = beacon.get().headState();
          return StakingState.validator(s, Convert.address(operator))
              .map(v -> view(s, v, current(s)));
        });
  }

  @Override
  public Future<Optional<DelegatorView>> delegator(AccountAddress account) {
    return LedgerChainBackend.call(
        () -> {
          if (staking.isEmpty()) {
            return Optional.empty();
          }
          Blockchain chain = beacon.get();
          StateView s = chain.headState();
          Address a = Convert.address(account);
          List<DelegatorView.Delegation> delegations = new ArrayList<>();
          for (Delegation d : StakingState.delegations(s, a)) {
            delegations.add(
                new DelegatorView.Delegation(
                    Convert.address(d.validator()), d.amount().toString()));
          }
          // Locked undelegations are released at the end of an epoch up to the lock ahead.
          long epoch = chain.head().number() / staking.get().params().epochBlocks();
          List<DelegatorView.Undelegation> locked = new ArrayList<>();
          for (long e = epoch;
              e <= epoch + staking.get().params().undelegationLockEpochs() + 1;
              e++) {
            for (Undelegation u : StakingState.undelegations(s, e)) {
              if (u.delegator().equals(a)) {
                locked.add(
                    new DelegatorView.Undelegation(
                        Convert.address(u.validator()), u.amount().toString(), e));
              }
            }
          }
          return Optional.of(
              new DelegatorView(
                  account, delegations, locked, StakingState.rewards(s, a).toString()));
        });
  }

  @Override
  public Future<Optional<EpochCommittees>> committees(long epoch) {
    return LedgerChainBackend.call(
        () ->
            staking.flatMap(
                st ->
                    StakingState.shardState(beacon.get().headState(), epoch)
                        .map(
                            state ->
                                new EpochCommittees(
                                    epoch,
                                    Convert.digest(state.hash()),
                                    st.elected(epoch),
                                    state.shards().stream()
                                        .map(
                                            c ->
                                                new EpochCommittees.ShardCommittee(
                                                    c.shard().value(), c.totalPower(), slots(c)))
                                        .toList()))));
  }

  /** The shard state of the head's epoch. */
  private Optional<ShardState> current(StateView s) {
    long epoch = beacon.get().head().number() / staking.orElseThrow().params().epochBlocks();
    return StakingState.shardState(s, epoch);
  }

  private static List<SlotView> slots(ShardCommittee c) {
    return c.slots().stream().map(slot -> slot(c.shard().value(), slot)).toList();
  }

  private static SlotView slot(int shard, Slot s) {
    return new SlotView(
        shard,
        Convert.hex(s.key().bytes()),
        Convert.address(s.validator()),
        s.effectiveStake().toString(),
        s.votingPower());
  }

  private static ValidatorView view(StateView s, Validator v, Optional<ShardState> current) {
    List<SlotView> seats = new ArrayList<>();
    current.ifPresent(
        st -> {
          for (ShardCommittee c : st.shards()) {
            for (Slot slot : c.slots()) {
              if (slot.validator().equals(v.operator())) {
                seats.add(slot(c.shard().value(), slot));
              }
            }
          }
        });
    return new ValidatorView(
        Convert.address(v.operator()),
        v.description().name(),
        v.description().website(),
        v.description().details(),
        v.description().securityContact(),
        v.commissionBps(),
        v.maxCommissionBps(),
        v.maxChangeBps(),
        v.minSelfDelegation().toString(),
        v.maxTotalDelegation().toString(),
        v.keys().stream().map(k -> Convert.hex(k.bytes())).toList(),
        v.inactiveKeys().stream().map(ValidatorKey::bytes).map(Convert::hex).toList(),
        v.status().name().toLowerCase(Locale.ROOT),
        v.selfStake().toString(),
        v.totalStake().toString(),
        StakingState.rewards(s, v.operator()).toString(),
        seats);
  }
}
