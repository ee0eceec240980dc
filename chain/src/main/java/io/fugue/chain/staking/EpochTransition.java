package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Run at the end of the last beacon block of an epoch (the block executor calls it): in this order,
 *
 * <ol>
 *   <li>releases the undelegations locked until this epoch to their delegators' balances;
 *   <li>applies availability: each key of the ending epoch's committees that signed less than
 *       {@code availabilityThresholdBps} of its expected blocks becomes inactive (that key only);
 *   <li>elects the shard state of {@code epoch + 1} ({@link Election}) and stores it; if too few
 *       keys are eligible, the ending epoch's committees carry over unchanged (renumbered);
 *   <li>snapshots every validator's delegations for the reward split of the next epoch.
 * </ol>
 */
public final class EpochTransition {
  private EpochTransition() {}

  public static ShardState endEpoch(
      StateWriter beacon,
      long epoch,
      Hash32 seed,
      StakingParams p,
      int shardCount,
      Availability availability) {
    releaseUndelegations(beacon, epoch);
    Optional<ShardState> current = StakingState.shardState(beacon, epoch);
    if (current.isPresent()) {
      applyAvailability(beacon, current.get(), p, availability);
    }
    List<Validator> validators = StakingState.validators(beacon);
    ShardState next;
    try {
      next = Election.elect(epoch + 1, validators, p, shardCount, seed);
    } catch (Election.NotEnoughValidatorsException e) {
      if (current.isEmpty()) {
        throw e;
      }
      next = new ShardState(epoch + 1, current.get().shards());
    }
    StakingState.putShardState(beacon, next);
    for (Validator v : validators) {
      StakingState.putSnapshot(
          beacon, v.operator(), StakingState.delegationsTo(beacon, v.operator()));
    }
    return next;
  }

  static void releaseUndelegations(StateWriter beacon, long epoch) {
    List<Undelegation> due = StakingState.undelegations(beacon, epoch);
    for (Undelegation u : due) {
      Account a = beacon.account(u.delegator().toBytes());
      beacon.setAccount(
          u.delegator().toBytes(), a.withBalance(a.balance().add(u.amount().toBigInteger())));
    }
    StakingState.putUndelegations(beacon, epoch, List.of());
  }

  static void applyAvailability(
      StateWriter beacon, ShardState current, StakingParams p, Availability availability) {
    for (ShardCommittee c : current.shards()) {
      for (Slot s : c.slots()) {
        long expected = availability.expected(s.key());
        long signed = availability.signed(s.key());
        if (expected <= 0) {
          continue;
        }
        boolean below =
            BigInteger.valueOf(signed)
                    .multiply(BigInteger.valueOf(StakingParams.BPS))
                    .compareTo(
                        BigInteger.valueOf(expected)
                            .multiply(BigInteger.valueOf(p.availabilityThresholdBps())))
                < 0;
        if (!below) {
          continue;
        }
        Optional<Validator> v = StakingState.validator(beacon, s.validator());
        if (v.isEmpty() || !v.get().keys().contains(s.key())) {
          continue;
        }
        Set<ValidatorKey> inactive = new TreeSet<>(v.get().inactiveKeys());
        inactive.add(s.key());
        StakingState.putValidator(beacon, v.get().withKeys(v.get().keys(), inactive));
      }
    }
  }
}
