package io.fugue.chain.staking;

import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Block reward distribution (docs/staking.md, "Rewards"), credited to reward balances in the
 * staking state ({@code CollectRewards} moves them to the account balance):
 *
 * <ol>
 *   <li>each signer slot of the parent's commit gets ⌊amount · power / signedPower⌋;
 *   <li>a validator's slots' sum pays its commission ⌊sum · commissionBps / 10,000⌋ to the operator
 *       first;
 *   <li>the rest goes to the validator's delegation snapshot (self-stake included) pro rata, ⌊rest
 *       · delegation / snapshotTotal⌋ each; the rounding dust goes to the operator.
 * </ol>
 *
 * The amount left over by step 1's rounding is not minted. Returns what was minted, which is the
 * only change to total supply.
 */
public final class Rewards {
  private Rewards() {}

  public static Uint256 distribute(
      StateWriter beacon, ShardState s, ShardId shard, SignerBitmap parentSigners, Uint256 amount) {
    ShardCommittee sc = s.shard(shard);
    Committee committee = sc.committee();
    long signedPower = committee.power(parentSigners);
    if (signedPower == 0 || amount.isZero()) {
      return Uint256.ZERO;
    }
    BigInteger total = amount.toBigInteger();
    Map<Address, BigInteger> byValidator = new TreeMap<>();
    for (int i : parentSigners.indices()) {
      Slot slot = sc.slots().get(i);
      BigInteger share =
          total
              .multiply(BigInteger.valueOf(slot.votingPower()))
              .divide(BigInteger.valueOf(signedPower));
      byValidator.merge(slot.validator(), share, BigInteger::add);
    }
    BigInteger minted = BigInteger.ZERO;
    for (Map.Entry<Address, BigInteger> e : byValidator.entrySet()) {
      minted = minted.add(e.getValue());
      payValidator(beacon, e.getKey(), e.getValue());
    }
    return Uint256.of(minted);
  }

  static void payValidator(StateWriter beacon, Address operator, BigInteger share) {
    Optional<Validator> v = StakingState.validator(beacon, operator);
    int commissionBps = v.map(Validator::commissionBps).orElse(StakingParams.BPS);
    BigInteger commission =
        share
            .multiply(BigInteger.valueOf(commissionBps))
            .divide(BigInteger.valueOf(StakingParams.BPS));
    BigInteger rest = share.subtract(commission);
    List<Delegation> snapshot = StakingState.snapshot(beacon, operator);
    BigInteger snapTotal = BigInteger.ZERO;
    for (Delegation d : snapshot) {
      snapTotal = snapTotal.add(d.amount().toBigInteger());
    }
    BigInteger paid = BigInteger.ZERO;
    if (snapTotal.signum() > 0) {
      for (Delegation d : snapshot) {
        BigInteger part = rest.multiply(d.amount().toBigInteger()).divide(snapTotal);
        if (part.signum() > 0) {
          credit(beacon, d.delegator(), part);
          paid = paid.add(part);
        }
      }
    }
    credit(beacon, operator, share.subtract(paid));
  }

  static void credit(StateWriter beacon, Address a, BigInteger amount) {
    if (amount.signum() == 0) {
      return;
    }
    StakingState.putRewards(beacon, a, StakingState.rewards(beacon, a).add(Uint256.of(amount)));
  }
}
