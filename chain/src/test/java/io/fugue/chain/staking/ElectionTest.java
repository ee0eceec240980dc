package io.fugue.chain.staking;

import static io.fugue.chain.staking.StakingFixtures.params;
import static io.fugue.chain.staking.StakingFixtures.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ElectionTest {
  private static final Hash32 SEED = Hashing.keccak256(Bytes.of((byte) 1));

  /** The worked example of docs/staking.md, "Election". */
  @Test
  void workedExampleClampsToTheMedian() {
    // stakes per key: A 1000 (1 key), B 600 x2 (1200 over 2 keys), C 500, D 100 (ineligible:
    // self stake below the minimum of 100? no: self 50)
    List<Validator> vs =
        List.of(
            validator(1, 1, 1_000, 1_000),
            validator(2, 2, 600, 1_200),
            validator(3, 1, 500, 500),
            validator(4, 1, 50, 10_000));
    ShardState s = Election.elect(7, vs, params(2, 10_000), 2, SEED);
    assertEquals(7, s.epoch());
    List<Slot> all = new ArrayList<>();
    s.shards().forEach(c -> all.addAll(c.slots()));
    assertEquals(4, all.size());
    // winners' raw: 1000, 600, 600, 500; median (lower middle) = 600; clamp [510, 690]
    Map<Address, List<Slot>> by = new HashMap<>();
    all.forEach(sl -> by.computeIfAbsent(sl.validator(), a -> new ArrayList<>()).add(sl));
    assertEquals(Uint256.of(690), by.get(StakingFixtures.address(1)).get(0).effectiveStake());
    assertEquals(1_150_000, by.get(StakingFixtures.address(1)).get(0).votingPower());
    assertEquals(1_000_000, by.get(StakingFixtures.address(2)).get(0).votingPower());
    assertEquals(Uint256.of(510), by.get(StakingFixtures.address(3)).get(0).effectiveStake());
    assertEquals(850_000, by.get(StakingFixtures.address(3)).get(0).votingPower());
    assertTrue(!by.containsKey(StakingFixtures.address(4)), "self stake below minimum");
    assertEquals(2, s.shards().get(0).slots().size());
    assertEquals(2, s.shards().get(1).slots().size());
  }

  @Test
  void topKeysWinAndTheRestSitOut() {
    List<Validator> vs = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      vs.add(validator(i, 1, 100 * i, 100 * i));
    }
    ShardState s = Election.elect(1, vs, params(2, 10_000), 2, SEED);
    Set<Address> elected = new HashSet<>();
    s.shards().forEach(c -> c.slots().forEach(sl -> elected.add(sl.validator())));
    Set<Address> expected = new HashSet<>();
    for (int i = 7; i <= 10; i++) {
      expected.add(StakingFixtures.address(i));
    }
    assertEquals(expected, elected);
  }

  @Test
  void inactiveKeyDropsOnlyThatKey() {
    Validator v = validator(1, 3, 900, 900);
    Validator partial = v.withKeys(v.keys(), Set.of(v.keys().get(0)));
    List<Validator> vs = List.of(partial, validator(2, 1, 450, 450));
    ShardState s = Election.elect(1, vs, params(4, 10_000), 1, SEED);
    List<ValidatorKey> keys = s.shards().get(0).committee().members();
    assertEquals(3, keys.size());
    assertTrue(!keys.contains(v.keys().get(0)));
    // 900 split over the 2 active keys: 450 each, equal to validator 2's single key
    s.shards().get(0).slots().forEach(sl -> assertEquals(Uint256.of(450), sl.effectiveStake()));
  }

  @Test
  void bannedAndInactiveValidatorsAreNotEligible() {
    List<Validator> vs =
        List.of(
            validator(1, 1, 500, 500).withStatus(Validator.Status.BANNED),
            validator(2, 1, 500, 500).withStatus(Validator.Status.INACTIVE),
            validator(3, 1, 500, 500));
    ShardState s = Election.elect(1, vs, params(4, 10_000), 1, SEED);
    assertEquals(1, s.shards().get(0).slots().size());
    assertEquals(StakingFixtures.address(3), s.shards().get(0).slots().get(0).validator());
  }

  @Test
  void fewerKeysThanShardsIsRefused() {
    assertThrows(
        Election.NotEnoughValidatorsException.class,
        () -> Election.elect(1, List.of(validator(1, 1, 500, 500)), params(4, 10_000), 2, SEED));
  }

  @Test
  void capMakesExcessKeysSitOut() {
    // validator 1 has 4 keys of 100, validator 2 one key of 100: one shard of 5 slots.
    List<Validator> vs = List.of(validator(1, 4, 400, 400), validator(2, 1, 100, 100));
    ShardState s = Election.elect(1, vs, params(5, 5_000), 1, SEED);
    // cap 50 %: validator 1 keeps 1 key (50 % exactly is allowed), 3 sit out.
    Map<Address, Long> power = powerByValidator(s.shards().get(0));
    assertEquals(1_000_000, power.get(StakingFixtures.address(1)));
    assertEquals(1_000_000, power.get(StakingFixtures.address(2)));
  }

  @Test
  void placementDependsOnTheSeed() {
    List<Validator> vs = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      vs.add(validator(i, 1, 500, 500));
    }
    ShardState a = Election.elect(3, vs, params(10, 10_000), 4, SEED);
    ShardState b = Election.elect(3, vs, params(10, 10_000), 4, Hash32.ZERO);
    assertEquals(a, Election.elect(3, vs, params(10, 10_000), 4, SEED));
    assertNotEquals(a.shards(), b.shards());
  }

  @Test
  void shuffleIsRoughlyUniform() {
    // key 0 of 4 should land in each position about 1/4 of the time over many seeds
    int[] counts = new int[4];
    for (int t = 0; t < 4_000; t++) {
      List<Integer> items = new ArrayList<>(List.of(0, 1, 2, 3));
      Election.shuffle(items, Hashing.keccak256(Bytes.of((byte) t, (byte) (t >>> 8))), t);
      counts[items.indexOf(0)]++;
    }
    for (int c : counts) {
      assertTrue(c > 850 && c < 1_150, "position count " + c);
    }
  }

  @Property(tries = 60)
  void electionInvariants(
      @ForAll @IntRange(min = 1, max = 60) int validators,
      @ForAll @IntRange(min = 1, max = 4) int shards,
      @ForAll @IntRange(min = 1, max = 8) int slots,
      @ForAll @IntRange(min = 1, max = 10_000) int capBps,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    List<Validator> vs = new ArrayList<>();
    java.util.Random r = new java.util.Random(seed);
    for (int i = 0; i < validators; i++) {
      long self = 100 + r.nextInt(10_000);
      vs.add(validator(i, 1 + r.nextInt(4), self, self + r.nextInt(50_000)));
    }
    StakingParams p = params(slots, capBps);
    int keys = vs.stream().mapToInt(v -> v.keys().size()).sum();
    if (keys < shards) {
      assertThrows(
          Election.NotEnoughValidatorsException.class,
          () -> Election.elect(1, vs, p, shards, Hash32.ZERO));
      return;
    }
    ShardState s = Election.elect(1, vs, p, shards, Hashing.keccak256(Bytes.of((byte) seed)));
    assertEquals(s, ShardState.decode(s.encode()));
    assertEquals(shards, s.shards().size());
    int total = 0;
    for (ShardCommittee c : s.shards()) {
      assertTrue(c.slots().size() <= slots);
      total += c.slots().size();
      c.committee(); // valid consensus committee
      long shardPower = c.totalPower();
      Map<Address, Long> byV = powerByValidator(c);
      Map<Address, Integer> countByV = new HashMap<>();
      c.slots().forEach(sl -> countByV.merge(sl.validator(), 1, Integer::sum));
      for (Slot sl : c.slots()) {
        assertTrue(sl.votingPower() >= 850_000 && sl.votingPower() <= 1_150_000);
      }
      for (Map.Entry<Address, Long> e : byV.entrySet()) {
        boolean withinCap =
            BigInteger.valueOf(e.getValue())
                    .multiply(BigInteger.valueOf(10_000))
                    .compareTo(BigInteger.valueOf(shardPower).multiply(BigInteger.valueOf(capBps)))
                <= 0;
        assertTrue(withinCap || countByV.get(e.getKey()) == 1 || byV.size() == 1);
      }
    }
    assertTrue(total <= Math.min(keys, shards * slots));
  }

  private static Map<Address, Long> powerByValidator(ShardCommittee c) {
    Map<Address, Long> m = new HashMap<>();
    c.slots().forEach(sl -> m.merge(sl.validator(), sl.votingPower(), Long::sum));
    return m;
  }
}
