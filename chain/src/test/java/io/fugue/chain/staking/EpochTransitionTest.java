package io.fugue.chain.staking;

import static io.fugue.chain.staking.StakingFixtures.address;
import static io.fugue.chain.staking.StakingFixtures.params;
import static io.fugue.chain.staking.StakingFixtures.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochTransitionTest {
  private final MapState state = new MapState();
  private final StakingParams p = params(4, 10_000);

  private void stake(Validator v, Address delegator, long amount) {
    StakingState.putValidator(state, v);
    StakingState.putDelegation(state, delegator, v.operator(), Uint256.of(amount));
  }

  @Test
  void endEpochReleasesLocksMarksSlowKeysAndElects() {
    Validator a = validator(1, 2, 600, 1_000);
    Validator b = validator(2, 1, 500, 500);
    stake(a, a.operator(), 600);
    stake(a, address(9), 400);
    stake(b, b.operator(), 500);
    ShardState e0 = EpochTransition.endEpoch(state, 0, Hash32.ZERO, p, 1, Availability.NONE);
    assertEquals(1, e0.epoch());
    assertEquals(3, e0.shards().get(0).slots().size());
    assertEquals(e0, StakingState.shardState(state, 1).orElseThrow());

    StakingState.addUndelegation(
        state, new Undelegation(address(9), a.operator(), Uint256.of(70), 1));
    ValidatorKey slow = a.keys().get(1);
    Availability avail =
        new Availability() {
          @Override
          public long signed(ValidatorKey k) {
            return k.equals(slow) ? 6 : 10;
          }

          @Override
          public long expected(ValidatorKey k) {
            return 10;
          }
        };
    ShardState e2 = EpochTransition.endEpoch(state, 1, Hash32.ZERO, p, 1, avail);
    assertEquals(
        BigInteger.valueOf(70), state.account(address(9).toBytes()).balance(), "lock released");
    assertTrue(StakingState.undelegations(state, 1).isEmpty());
    Validator a2 = StakingState.validator(state, a.operator()).orElseThrow();
    assertEquals(java.util.Set.of(slow), a2.inactiveKeys(), "only the slow key");
    assertEquals(Validator.Status.ACTIVE, a2.status());
    List<ValidatorKey> members = e2.shards().get(0).committee().members();
    assertFalse(members.contains(slow));
    assertTrue(members.contains(a.keys().get(0)));
    assertEquals(2, StakingState.snapshot(state, a.operator()).size());
  }

  @Test
  void tooFewEligibleKeysCarriesTheCommitteeOver() {
    Validator a = validator(1, 1, 600, 600);
    stake(a, a.operator(), 600);
    ShardState e1 = EpochTransition.endEpoch(state, 0, Hash32.ZERO, p, 1, Availability.NONE);
    StakingState.putValidator(state, a.withStatus(Validator.Status.BANNED));
    ShardState e2 = EpochTransition.endEpoch(state, 1, Hash32.ZERO, p, 1, Availability.NONE);
    assertEquals(2, e2.epoch());
    assertEquals(e1.shards(), e2.shards());
  }

  /** The worked example of docs/staking.md, "Rewards". */
  @Test
  void rewardsPayCommissionThenDelegatorsProRata() {
    Validator a = validator(1, 1, 600, 1_000); // commission 10 %
    Validator b = validator(2, 1, 500, 500);
    stake(a, a.operator(), 600);
    stake(a, address(9), 400);
    stake(b, b.operator(), 500);
    ShardState s = EpochTransition.endEpoch(state, 0, Hash32.ZERO, p, 1, Availability.NONE);
    ShardCommittee c = s.shard(ShardId.BEACON);
    // raw 1000 and 500, median (lower middle) 500 -> powers 1,150,000 and 1,000,000
    int ia = c.slots().get(0).validator().equals(a.operator()) ? 0 : 1;
    assertEquals(1_150_000, c.slots().get(ia).votingPower());
    SignerBitmap both = SignerBitmap.of(2, List.of(0, 1));
    Uint256 minted = Rewards.distribute(state, s, ShardId.BEACON, both, Uint256.of(2_150));
    // a: 2150*1.15M/2.15M = 1150 -> commission 115, rest 1035: self 621, delegator 414
    // b: 1000 -> commission 100, rest 900 to its only delegator (itself)
    assertEquals(Uint256.of(2_150), minted);
    assertEquals(Uint256.of(115 + 621), StakingState.rewards(state, a.operator()));
    assertEquals(Uint256.of(414), StakingState.rewards(state, address(9)));
    assertEquals(Uint256.of(1_000), StakingState.rewards(state, b.operator()));

    SignerBitmap onlyB = SignerBitmap.of(2, List.of(1 - ia));
    Uint256 minted2 = Rewards.distribute(state, s, ShardId.BEACON, onlyB, Uint256.of(1_000));
    assertEquals(Uint256.of(1_000), minted2);
    assertEquals(
        Uint256.of(2_000), StakingState.rewards(state, b.operator()), "non-signer paid nothing");
    assertEquals(Uint256.of(736), StakingState.rewards(state, a.operator()));
  }

  /** The worked example of docs/staking.md, "Slashing" (rate 5 %, reporter share 50 %). */
  @Test
  void slashCutsDelegationsAndLocksPaysTheReporterAndBans() {
    Validator a = validator(1, 1, 600, 1_000);
    stake(a, a.operator(), 600);
    stake(a, address(9), 400);
    StakingState.putValidator(state, a.withStake(Uint256.of(600), Uint256.of(1_000)));
    StakingState.addUndelegation(
        state, new Undelegation(address(8), a.operator(), Uint256.of(200), 3));
    Hash32 evidence = Hash32.of(new byte[32]);
    assertTrue(Slashing.check(state, a.operator(), evidence).isAccepted());
    Slashing.Outcome o = Slashing.slash(state, a.operator(), address(7), evidence, 2, p);
    // 5 % of 600 + 400 + 200 = 30 + 20 + 10 = 60; reporter 30, burned 30
    assertEquals(Uint256.of(60), o.slashed());
    assertEquals(Uint256.of(30), o.reporterReward());
    assertEquals(Uint256.of(30), o.burned());
    assertEquals(Uint256.of(570), StakingState.delegation(state, a.operator(), a.operator()));
    assertEquals(Uint256.of(380), StakingState.delegation(state, address(9), a.operator()));
    assertEquals(Uint256.of(190), StakingState.undelegations(state, 3).get(0).amount());
    assertEquals(Uint256.of(30), StakingState.rewards(state, address(7)));
    Validator after = StakingState.validator(state, a.operator()).orElseThrow();
    assertEquals(Validator.Status.BANNED, after.status());
    assertEquals(Uint256.of(950), after.totalStake());
    assertEquals(Uint256.of(570), after.selfStake());
    assertFalse(Slashing.check(state, a.operator(), evidence).isAccepted(), "never twice");
  }
}
