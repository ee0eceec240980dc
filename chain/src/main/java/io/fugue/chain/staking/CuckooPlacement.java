package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.CryptoException;
import io.fugue.chain.fencing.ShardEligibility;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.state.StateView;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Cuckoo rule (Awerbuch–Scheideler) as step 5 of the {@link Election} (docs/randomness.md).
 *
 * <ul>
 *   <li>Positions are unsigned 64-bit fixed-point numbers p in [0, 2^64), read as p / 2^64 ∈ [0,1);
 *       shard s owns [⌈s·2^64/S⌉, ⌈(s+1)·2^64/S⌉), i.e. shard(p) = ⌊p·S / 2^64⌋.
 *   <li>A winner that sat in shard s of the previous state and is still eligible there stays, at
 *       position start(s) + (H("fugue.cuckoo.pos.v1" ‖ key) mod width(s)); positions are not
 *       stored, only re-derived, so the shard state stays the one encoding every node checks.
 *   <li>Every other winner (newly elected, re-staked under a new key, or no longer eligible where
 *       it sat) is a join, processed in the order of H(seed' ‖ key): it is put at a random position
 *       x, and every slot in the aligned region [⌊x/w⌋·w, ⌊x/w⌋·w + w) with w = ⌊2^64·k/n⌋ (n the
 *       elected slots, k = {@link CuckooParams#regionSlots}) is evicted to a fresh random position
 *       (evictions do not cascade). Departing keys simply are not placed.
 *   <li>Random positions are 64-bit words of {@link Election.Draw} over seed' = Keccak-256(
 *       "fugue.cuckoo.v1" ‖ seed); a position whose shard does not admit the slot is redrawn up to
 *       {@link CuckooParams#maxEligibilityDraws} times, then the slot goes to a uniformly drawn
 *       admitting shard at a random position inside it; a slot no shard admits is {@link
 *       Placement#NOT_SEATED}.
 *   <li>A shard at capacity ({@link CuckooParams#maxLoadBps}) counts as not admitting random
 *       placements.
 *   <li>No shard may be empty: each empty shard (ascending id) takes the lowest-key admitted slot
 *       of the currently largest shard (ties: lowest id).
 * </ul>
 *
 * <p>With a previous state of another shard count every winner is a join. Positions colliding
 * exactly (probability 2^-64 per pair) are moved to the next free value.
 */
public final class CuckooPlacement implements Placement {
  private static final Bytes SEED_TAG =
      Bytes.of("fugue.cuckoo.v1".getBytes(StandardCharsets.US_ASCII));
  private static final Bytes POS_TAG =
      Bytes.of("fugue.cuckoo.pos.v1".getBytes(StandardCharsets.US_ASCII));
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  /** Whether a key may sit on a shard; deterministic (see {@link ShardEligibility}). */
  @FunctionalInterface
  public interface Eligibility {
    Eligibility ALL = (key, shard) -> true;

    boolean admits(ValidatorKey key, ShardId shard);

    /** Adapts the fencing port, judged on the beacon state at {@code beaconHeight}. */
    static Eligibility of(ShardEligibility fencing, StateView beaconState, long beaconHeight) {
      return (key, shard) -> {
        BlsPublicKey pk;
        try {
          pk = BlsPublicKey.fromBytes(key.bytes());
        } catch (CryptoException e) {
          return false;
        }
        return fencing.eligible(pk, shard, beaconState, beaconHeight).isAccepted();
      };
    }
  }

  private final Map<ValidatorKey, Integer> previousShard;
  private final int previousShardCount;
  private final CuckooParams params;
  private final Eligibility eligibility;

  /** {@code previous} is null for the first epoch (every winner joins). */
  public CuckooPlacement(ShardState previous, CuckooParams params, Eligibility eligibility) {
    this.params = Objects.requireNonNull(params, "params");
    this.eligibility = Objects.requireNonNull(eligibility, "eligibility");
    this.previousShard = new HashMap<>();
    this.previousShardCount = previous == null ? 0 : previous.shards().size();
    if (previous != null) {
      for (ShardCommittee c : previous.shards()) {
        for (Slot s : c.slots()) {
          previousShard.put(s.key(), c.shard().value());
        }
      }
    }
  }

  /** shard(p) = ⌊p·S / 2^64⌋ for unsigned p. */
  static int shardOf(long position, int shardCount) {
    return (int) (Math.multiplyHigh(position, shardCount) + ((position >> 63) & shardCount));
  }

  /** ⌈s·2^64/S⌉ as an unsigned long (s ≤ S; s = S wraps to 0, meaning 2^64). */
  static long start(int shard, int shardCount) {
    BigInteger[] qr =
        BigInteger.valueOf(shard).shiftLeft(64).divideAndRemainder(BigInteger.valueOf(shardCount));
    BigInteger c = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return c.longValue();
  }

  @Override
  public int[] place(long epoch, List<ValidatorKey> winnersByKey, int shardCount, Hash32 seed) {
    Run run = new Run(epoch, winnersByKey, shardCount, seed);
    return run.place();
  }

  private final class Run {
    private final List<ValidatorKey> winners;
    private final int shardCount;
    private final Hash32 seed;
    private final Election.Draw draw;
    private final long[] starts;

    /** Occupied positions, keyed by position ^ MIN_VALUE so signed order is unsigned order. */
    private final TreeMap<Long, Integer> byPosition = new TreeMap<>();

    private final int[] load;
    private final int capacity;

    Run(long epoch, List<ValidatorKey> winners, int shardCount, Hash32 seed) {
      this.winners = winners;
      this.shardCount = shardCount;
      this.seed = Hashing.keccak256(SEED_TAG, seed.toBytes());
      this.draw = new Election.Draw(this.seed, epoch);
      this.starts = new long[shardCount + 1];
      for (int s = 0; s <= shardCount; s++) {
        starts[s] = start(s, shardCount);
      }
      this.load = new int[shardCount];
      long perShard = (winners.size() + shardCount - 1L) / shardCount;
      this.capacity =
          (int)
              Math.min(
                  StakingParams.MAX_SLOTS_PER_SHARD,
                  Math.max(
                      1,
                      (perShard * params.maxLoadBps() + StakingParams.BPS - 1)
                          / StakingParams.BPS));
    }

    int[] place() {
      int n = winners.size();
      List<Integer> joins = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ValidatorKey key = winners.get(i);
        Integer prev = previousShardCount == shardCount ? previousShard.get(key) : null;
        if (prev != null && eligibility.admits(key, ShardId.of(prev))) {
          occupy(i, derivedPosition(key, prev));
        } else {
          joins.add(i);
        }
      }
      Map<Integer, Hash32> order = new HashMap<>();
      for (int i : joins) {
        order.put(i, Hashing.keccak256(seed.toBytes(), winners.get(i).bytes()));
      }
      joins.sort(Comparator.comparing(order::get));
      long width =
          TWO_64
              .multiply(BigInteger.valueOf(params.regionSlots()))
              .divide(BigInteger.valueOf(Math.max(n, 1)))
              .min(TWO_64.subtract(BigInteger.ONE))
              .longValue();
      for (int i : joins) {
        Long x = randomPosition(winners.get(i));
        if (x == null) {
          continue;
        }
        List<Integer> evicted = evictRegion(x, width);
        occupy(i, x);
        for (int j : evicted) {
          Long y = randomPosition(winners.get(j));
          if (y != null) {
            occupy(j, y);
          }
        }
      }
      int[] shardOfWinner = new int[n];
      java.util.Arrays.fill(shardOfWinner, NOT_SEATED);
      for (Map.Entry<Long, Integer> e : byPosition.entrySet()) {
        shardOfWinner[e.getValue()] = shardOf(e.getKey() ^ Long.MIN_VALUE, shardCount);
      }
      fillEmptyShards(shardOfWinner);
      return shardOfWinner;
    }

    /** Removes the region's slots; the caller re-places them after the joiner. */
    private List<Integer> evictRegion(long x, long width) {
      long regionStart = Long.divideUnsigned(x, width) * width;
      long regionEnd = regionStart + width;
      boolean wraps = Long.compareUnsigned(regionEnd, regionStart) <= 0;
      var region =
          wraps
              ? byPosition.tailMap(regionStart ^ Long.MIN_VALUE, true)
              : byPosition.subMap(
                  regionStart ^ Long.MIN_VALUE, true, regionEnd ^ Long.MIN_VALUE, false);
      List<Integer> evicted = new ArrayList<>(region.values());
      for (Long k : region.keySet()) {
        load[shardOf(k ^ Long.MIN_VALUE, shardCount)]--;
      }
      region.clear();
      return evicted;
    }

    private long derivedPosition(ValidatorKey key, int shard) {
      long w = starts[shard + 1] - starts[shard];
      long h = ByteBuffer.wrap(Hashing.keccak256(POS_TAG, key.bytes()).toArray()).getLong();
      return starts[shard] + (w == 0 ? h : Long.remainderUnsigned(h, w));
    }

    /** A random admitted position for {@code key}, or null if no shard admits it. */
    private Long randomPosition(ValidatorKey key) {
      for (int t = 0; t < params.maxEligibilityDraws(); t++) {
        long x = draw.next();
        int s = shardOf(x, shardCount);
        if (load[s] < capacity && eligibility.admits(key, ShardId.of(s))) {
          return x;
        }
      }
      List<Integer> admitted = new ArrayList<>();
      List<Integer> withRoom = new ArrayList<>();
      for (int s = 0; s < shardCount; s++) {
        if (eligibility.admits(key, ShardId.of(s))) {
          admitted.add(s);
          if (load[s] < capacity) {
            withRoom.add(s);
          }
        }
      }
      if (admitted.isEmpty()) {
        return null;
      }
      if (!withRoom.isEmpty()) {
        admitted = withRoom;
      }
      int s = admitted.get(draw.below(admitted.size()));
      long w = starts[s + 1] - starts[s];
      long r = draw.next();
      return starts[s] + (w == 0 ? r : Long.remainderUnsigned(r, w));
    }

    private void occupy(int winner, long position) {
      long p = position;
      while (byPosition.containsKey(p ^ Long.MIN_VALUE)) {
        p++;
      }
      byPosition.put(p ^ Long.MIN_VALUE, winner);
      load[shardOf(p, shardCount)]++;
    }

    private void fillEmptyShards(int[] shardOfWinner) {
      int[] size = new int[shardCount];
      for (int s : shardOfWinner) {
        if (s >= 0) {
          size[s]++;
        }
      }
      for (int empty = 0; empty < shardCount; empty++) {
        if (size[empty] > 0) {
          continue;
        }
        Integer[] bySize = new Integer[shardCount];
        for (int s = 0; s < shardCount; s++) {
          bySize[s] = s;
        }
        java.util.Arrays.sort(bySize, Comparator.comparing((Integer s) -> -size[s]));
        for (int donor : bySize) {
          if (size[donor] < 2) {
            break;
          }
          int moved = -1;
          for (int i = 0; i < shardOfWinner.length && moved < 0; i++) {
            if (shardOfWinner[i] == donor
                && eligibility.admits(winners.get(i), ShardId.of(empty))) {
              moved = i;
            }
          }
          if (moved >= 0) {
            shardOfWinner[moved] = empty;
            size[donor]--;
            size[empty]++;
            break;
          }
        }
      }
    }
  }
}
