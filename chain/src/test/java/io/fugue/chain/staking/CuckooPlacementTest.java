package io.fugue.chain.staking;

import static io.fugue.chain.staking.StakingFixtures.params;
import static io.fugue.chain.staking.StakingFixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CuckooPlacementTest {
  private static final Hash32 SEED = Hashing.keccak256(Bytes.of((byte) 42));
  private static final CuckooParams PARAMS = CuckooParams.defaults();

  private static List<Validator> validators(int from, int count) {
    List<Validator> vs = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      vs.add(validator(i, 1, 1_000, 1_000));
    }
    return vs;
  }

  private static ShardState cuckoo(
      long epoch, List<Validator> vs, ShardState prev, Hash32 seed, int shards) {
    return Election.elect(
        epoch,
        vs,
        params(100, 10_000),
        shards,
        seed,
        new CuckooPlacement(prev, PARAMS, CuckooPlacement.Eligibility.ALL));
  }

  private static Map<ValidatorKey, Integer> shardOf(ShardState s) {
    Map<ValidatorKey, Integer> m = new HashMap<>();
    for (ShardCommittee c : s.shards()) {
      for (Slot slot : c.slots()) {
        m.put(slot.key(), c.shard().value());
      }
    }
    return m;
  }

  @Test
  void shouldComputeShardIntervalsExactly() {
    assertThat(CuckooPlacement.shardOf(0L, 16)).isZero();
    assertThat(CuckooPlacement.shardOf(-1L, 16)).isEqualTo(15);
    assertThat(CuckooPlacement.shardOf(Long.MIN_VALUE, 16)).isEqualTo(8);
    assertThat(CuckooPlacement.shardOf(Long.MIN_VALUE - 1, 16)).isEqualTo(7);
    for (int s = 1; s < 7; s++) {
      long start = CuckooPlacement.start(s, 7);
      assertThat(CuckooPlacement.shardOf(start, 7)).isEqualTo(s);
      assertThat(CuckooPlacement.shardOf(start - 1, 7)).isEqualTo(s - 1);
    }
  }

  @Test
  void shouldGiveEveryNodeTheSameAssignment() {
    List<Validator> vs = validators(0, 200);
    ShardState first = cuckoo(1, vs, null, SEED, 4);
    assertThat(cuckoo(1, vs, null, SEED, 4)).isEqualTo(first);
    List<Validator> next = validators(20, 200);
    assertThat(cuckoo(2, next, first, SEED, 4)).isEqualTo(cuckoo(2, next, first, SEED, 4));
    assertThat(cuckoo(2, next, first, Hash32.ZERO, 4))
        .isNotEqualTo(cuckoo(2, next, first, SEED, 4));
  }

  @Test
  void shouldKeepAnUnchangedCommitteeInPlace() {
    List<Validator> vs = validators(0, 200);
    ShardState first = cuckoo(1, vs, null, SEED, 4);
    ShardState second = cuckoo(2, vs, first, Hashing.keccak256(Bytes.of((byte) 7)), 4);
    assertThat(shardOf(second)).isEqualTo(shardOf(first));
  }

  @Test
  void shouldMoveOnlyJoinersAndTheSlotsTheyEvict() {
    List<Validator> vs = validators(0, 400);
    ShardState first = cuckoo(1, vs, null, SEED, 4);
    List<Validator> next = new ArrayList<>(validators(0, 390));
    next.addAll(validators(1_000, 10));
    ShardState second = cuckoo(2, next, first, SEED, 4);
    Map<ValidatorKey, Integer> before = shardOf(first);
    int moved = 0;
    for (Map.Entry<ValidatorKey, Integer> e : shardOf(second).entrySet()) {
      Integer b = before.get(e.getKey());
      if (b != null && !b.equals(e.getValue())) {
        moved++;
      }
    }
    // 10 joins, each evicting about k slots of which 3/4 land in another shard
    assertThat(moved).isBetween(5, 10 * PARAMS.regionSlots() * 2);
    assertThat(shardOf(second)).hasSize(400);
  }

  @Test
  void shouldRespectEligibility() {
    // odd-numbered keys (last key byte parity) may only sit on shard 0
    CuckooPlacement.Eligibility fence =
        (key, shard) -> (key.bytes().get(6) & 1) == 0 || shard.value() == 0;
    List<Validator> vs = validators(0, 120);
    ShardState prev = null;
    for (int epoch = 1; epoch <= 4; epoch++) {
      List<Validator> active = validators(epoch * 10, 120);
      ShardState s =
          Election.elect(
              epoch,
              active,
              params(100, 10_000),
              3,
              SEED,
              new CuckooPlacement(prev, PARAMS, fence));
      for (ShardCommittee c : s.shards()) {
        for (Slot slot : c.slots()) {
          assertThat(fence.admits(slot.key(), c.shard())).isTrue();
        }
      }
      prev = s;
    }
    assertThat(vs).hasSize(120);
  }

  @Test
  void shouldNotSeatAKeyNoShardAdmits() {
    ValidatorKey banned = StakingFixtures.key(3, 0);
    CuckooPlacement.Eligibility fence = (key, shard) -> !key.equals(banned);
    ShardState s =
        Election.elect(
            1,
            validators(0, 30),
            params(100, 10_000),
            2,
            SEED,
            new CuckooPlacement(null, PARAMS, fence));
    assertThat(shardOf(s)).hasSize(29).doesNotContainKey(banned);
  }

  @Property(tries = 30)
  void shouldSeatEveryWinnerExactlyOnceWithNoEmptyShard(
      @ForAll @IntRange(min = 1, max = 8) int shards,
      @ForAll @IntRange(min = 0, max = 60) int churn,
      @ForAll @IntRange(min = 0, max = 255) int seedByte) {
    Hash32 seed = Hashing.keccak256(Bytes.of((byte) seedByte));
    int n = 80;
    ShardState first = cuckoo(1, validators(0, n), null, seed, shards);
    ShardState second = cuckoo(2, validators(churn, n), first, seed, shards);
    for (ShardState s : List.of(first, second)) {
      assertThat(s.shards()).hasSize(shards);
      assertThat(shardOf(s)).hasSize(n);
      s.shards().forEach(c -> assertThat(c.slots()).isNotEmpty());
      // capacity: ⌈n/S · 1.2⌉, plus at most the slots that stayed in place above it
      int cap = (int) Math.ceil(Math.ceil(n / (double) shards) * 1.2);
      if (s == first) {
        s.shards().forEach(c -> assertThat(c.slots().size()).isLessThanOrEqualTo(cap));
      }
    }
    // slots that stayed elected and were not evicted keep their shard: at least the slots that
    // did not churn, minus the evictions of the joins, did not move
    Map<ValidatorKey, Integer> a = shardOf(first);
    long kept =
        shardOf(second).entrySet().stream()
            .filter(e -> e.getValue().equals(a.get(e.getKey())))
            .count();
    assertThat(kept)
        .isGreaterThanOrEqualTo(
            Math.max(0, (n - churn) - (PARAMS.regionSlots() + 2L) * churn - shards));
  }
}
