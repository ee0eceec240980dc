package io.fugue.chain.staking;

import static io.fugue.chain.staking.StakingFixtures.address;
import static io.fugue.chain.staking.StakingFixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Total supply (balances + stake + locks + rewards) changes only by minted rewards and burned
 * slashes across random sequences of delegations, undelegations, reward collections, rewarded
 * blocks and epoch ends; slashes, and refused operations write nothing.
 */
class StakingSupplyTest {
  private static final int VALIDATORS = 3;
  private static final int DELEGATORS = 3;

  @Property(tries = 40)
  void supplyChangesOnlyByMintedRewards(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random r = new Random(seed);
    StakingParams p = params(4, 10_000);
    MapState s = new MapState();
    List<Address> accounts = new ArrayList<>();
    for (int i = 0; i < VALIDATORS + DELEGATORS; i++) {
      accounts.add(address(i));
      s.setAccount(address(i).toBytes(), new Account(BigInteger.valueOf(100_000), 0));
    }
    for (int i = 0; i < VALIDATORS; i++) {
      StakingState.putValidator(s, StakingFixtures.validator(i, 1 + i % 2, 0, 0));
      Validation ok = StakingOps.checkDelegate(s, address(i), address(i), Uint256.of(1_000), p);
      assertEquals(Validation.accept(), ok);
      StakingOps.applyDelegate(s, address(i), address(i), Uint256.of(1_000));
    }
    BigInteger initial = supply(s, accounts, 0, p);
    BigInteger minted = BigInteger.ZERO;
    BigInteger burned = BigInteger.ZERO;
    long epoch = 0;
    ShardState shards = EpochTransition.endEpoch(s, epoch++, Hash32.ZERO, p, 1, Availability.NONE);
    for (int step = 0; step < 60; step++) {
      Address who = accounts.get(r.nextInt(accounts.size()));
      Address validator = address(r.nextInt(VALIDATORS));
      Uint256 amount = Uint256.of(r.nextInt(3_000));
      Map<io.fugue.chain.primitives.Bytes, io.fugue.chain.primitives.Bytes> before =
          new HashMap<>(s.records);
      Map<io.fugue.chain.primitives.Bytes, Account> accountsBefore = new HashMap<>(s.accounts);
      switch (r.nextInt(6)) {
        case 5 -> {
          Hash32 evidence =
              Hash32.of(
                  new byte[] {
                    (byte) r.nextInt(4),
                    1,
                    2,
                    3,
                    4,
                    5,
                    6,
                    7,
                    8,
                    9,
                    10,
                    11,
                    12,
                    13,
                    14,
                    15,
                    16,
                    17,
                    18,
                    19,
                    20,
                    21,
                    22,
                    23,
                    24,
                    25,
                    26,
                    27,
                    28,
                    29,
                    30,
                    31
                  });
          if (Slashing.check(s, validator, evidence).isAccepted()) {
            Slashing.Outcome o = Slashing.slash(s, validator, who, evidence, epoch, p);
            burned = burned.add(o.burned().toBigInteger());
            assertEquals(
                Validator.Status.BANNED,
                StakingState.validator(s, validator).orElseThrow().status());
            assertFalse(Slashing.check(s, address((r.nextInt(VALIDATORS))), evidence).isAccepted());
          } else {
            assertUnchanged(s, before, accountsBefore);
          }
        }
        case 0 -> {
          if (StakingOps.checkDelegate(s, who, validator, amount, p).isAccepted()) {
            StakingOps.applyDelegate(s, who, validator, amount);
          } else {
            assertUnchanged(s, before, accountsBefore);
          }
        }
        case 1 -> {
          if (StakingOps.checkUndelegate(s, who, validator, amount, p).isAccepted()) {
            StakingOps.applyUndelegate(s, who, validator, amount, epoch, p);
          } else {
            assertUnchanged(s, before, accountsBefore);
          }
        }
        case 2 -> {
          if (StakingOps.checkCollect(s, who).isAccepted()) {
            StakingOps.applyCollect(s, who);
          } else {
            assertUnchanged(s, before, accountsBefore);
          }
        }
        case 3 -> {
          int n = shards.shard(ShardId.BEACON).slots().size();
          List<Integer> signers = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            if (r.nextBoolean()) {
              signers.add(i);
            }
          }
          Uint256 got =
              Rewards.distribute(
                  s, shards, ShardId.BEACON, SignerBitmap.of(n, signers), Uint256.of(1_001));
          minted = minted.add(got.toBigInteger());
        }
        default -> {
          try {
            shards = EpochTransition.endEpoch(s, epoch, Hash32.ZERO, p, 1, Availability.NONE);
          } catch (Election.NotEnoughValidatorsException e) {
            throw new AssertionError("the first epoch stored a shard state to carry over", e);
          }
          epoch++;
        }
      }
      assertEquals(
          initial.add(minted).subtract(burned), supply(s, accounts, epoch, p), "step " + step);
      for (int i = 0; i < VALIDATORS; i++) {
        Validator v = StakingState.validator(s, address(i)).orElseThrow();
        BigInteger sum = BigInteger.ZERO;
        for (Delegation d : StakingState.delegationsTo(s, address(i))) {
          sum = sum.add(d.amount().toBigInteger());
        }
        assertEquals(sum, v.totalStake().toBigInteger(), "validator total = its delegations");
        assertEquals(
            StakingState.delegation(s, address(i), address(i)), v.selfStake(), "self stake");
      }
    }
  }

  private static void assertUnchanged(
      MapState s,
      Map<io.fugue.chain.primitives.Bytes, io.fugue.chain.primitives.Bytes> records,
      Map<io.fugue.chain.primitives.Bytes, Account> accounts) {
    assertEquals(records, s.records, "a refused operation wrote a record");
    assertEquals(accounts, s.accounts, "a refused operation wrote an account");
    assertFalse(records.isEmpty());
  }

  private static BigInteger supply(
      MapState s, List<Address> accounts, long epoch, StakingParams p) {
    BigInteger total = BigInteger.ZERO;
    for (Address a : accounts) {
      total = total.add(s.account(a.toBytes()).balance());
      total = total.add(StakingState.rewards(s, a).toBigInteger());
      for (Delegation d : StakingState.delegations(s, a)) {
        total = total.add(d.amount().toBigInteger());
      }
    }
    for (long e = 0; e <= epoch + p.undelegationLockEpochs(); e++) {
      for (Undelegation u : StakingState.undelegations(s, e)) {
        total = total.add(u.amount().toBigInteger());
      }
    }
    return total;
  }
}
