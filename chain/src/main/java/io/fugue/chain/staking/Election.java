package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The EPoS election (docs/staking.md, "Election"): a pure, deterministic function from the
 * validator records, the parameters and the epoch seed to every shard's committee.
 *
 * <ol>
 *   <li>Eligible: {@link Validator#eligible}. Each eligible validator's total stake is split evenly
 *       (integer division, the remainder does not count) over its active keys.
 *   <li>The top {@code shardCount × slotsPerShard} keys by that raw stake win (ties: ascending key
 *       bytes). Keys with zero raw stake never win.
 *   <li>Effective stake = clamp(raw, ⌊0.85·median⌋, ⌊1.15·median⌋) over the winners, the median
 *       being the winners' middle raw stake (the lower of the two middle values for an even count).
 *   <li>Voting power = clamp(⌊raw · 1,000,000 / median⌋, 850,000, 1,150,000): proportional to the
 *       effective stake, computed on the unrounded clamp so every slot has 850,000..1,150,000.
 *   <li>Placement ({@link Placement}; by default {@link Placement#UNIFORM}): the winners, sorted by
 *       key, are shuffled (Fisher–Yates driven by Keccak-256 of seed ‖ epoch ‖ counter, rejection
 *       sampling for uniform indices); winner {@code i} of the shuffled order goes to shard {@code
 *       i mod shardCount}. {@link CuckooPlacement} is the Cuckoo rule over the previous state.
 *   <li>Cap: while a validator holds more than {@code shardCapBps} of a shard's voting power and
 *       has more than one key there and another validator is in the shard, its lowest-power key
 *       there (ties: highest key bytes) sits out for the epoch. A single key is never split.
 * </ol>
 */
public final class Election {
  /** Voting power of a slot whose effective stake equals the median. */
  public static final long POWER_SCALE = 1_000_000L;

  public static final long MIN_POWER = 850_000L;
  public static final long MAX_POWER = 1_150_000L;

  private Election() {}

  /** Thrown when fewer keys are eligible than there are shards: no shard may be empty. */
  public static final class NotEnoughValidatorsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NotEnoughValidatorsException(String message) {
      super(message);
    }
  }

  private record Candidate(ValidatorKey key, Address validator, Uint256 raw) {}

  public static ShardState elect(
      long epoch, List<Validator> validators, StakingParams p, int shardCount, Hash32 seed) {
    return elect(epoch, validators, p, shardCount, seed, Placement.UNIFORM);
  }

  /** The election with another step 5, e.g. {@link CuckooPlacement}. */
  public static ShardState elect(
      long epoch,
      List<Validator> validators,
      StakingParams p,
      int shardCount,
      Hash32 seed,
      Placement placement) {
    if (shardCount < 1 || shardCount > ShardState.MAX_SHARDS) {
      throw new IllegalArgumentException("shard count out of range: " + shardCount);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Validator v : validators) {
      if (!v.eligible(p)) {
        continue;
      }
      List<ValidatorKey> keys = v.activeKeys();
      BigInteger perKey = v.totalStake().toBigInteger().divide(BigInteger.valueOf(keys.size()));
      if (perKey.signum() == 0) {
        continue;
      }
      for (ValidatorKey k : keys) {
        candidates.add(new Candidate(k, v.operator(), Uint256.of(perKey)));
      }
    }
    candidates.sort(Comparator.comparing(Candidate::raw).reversed().thenComparing(Candidate::key));
    for (int i = 1; i < candidates.size(); i++) {
      if (candidates.get(i - 1).key().equals(candidates.get(i).key())) {
        throw new IllegalArgumentException(
            "key " + candidates.get(i).key().shortHex() + " registered by two validators");
      }
    }
    long seats = (long) shardCount * p.slotsPerShard();
    List<Candidate> winners =
        new ArrayList<>(candidates.subList(0, (int) Math.min(seats, candidates.size())));
    if (winners.size() < shardCount) {
      throw new NotEnoughValidatorsException(
          winners.size() + " eligible keys for " + shardCount + " shards in epoch " + epoch);
    }
    BigInteger median = winners.get(winners.size() / 2).raw().toBigInteger();
    BigInteger low = median.multiply(BigInteger.valueOf(85)).divide(BigInteger.valueOf(100));
    BigInteger high = median.multiply(BigInteger.valueOf(115)).divide(BigInteger.valueOf(100));

    winners.sort(Comparator.comparing(Candidate::key));
    int[] shardOf =
        placement.place(epoch, winners.stream().map(Candidate::key).toList(), shardCount, seed);
    if (shardOf.length != winners.size()) {
      throw new IllegalStateException("placement returned " + shardOf.length + " shards");
    }

    List<List<Slot>> placed = new ArrayList<>(shardCount);
    for (int s = 0; s < shardCount; s++) {
      placed.add(new ArrayList<>());
    }
    for (int i = 0; i < winners.size(); i++) {
      if (shardOf[i] == Placement.NOT_SEATED) {
        continue;
      }
      Candidate c = winners.get(i);
      BigInteger eff = c.raw().toBigInteger().max(low).min(high);
      long power =
          c.raw()
              .toBigInteger()
              .multiply(BigInteger.valueOf(POWER_SCALE))
              .divide(median)
              .max(BigInteger.valueOf(MIN_POWER))
              .min(BigInteger.valueOf(MAX_POWER))
              .longValueExact();
      placed.get(shardOf[i]).add(new Slot(c.key(), c.validator(), Uint256.of(eff), power));
    }
    List<ShardCommittee> shards = new ArrayList<>(shardCount);
    for (int s = 0; s < shardCount; s++) {
      if (placed.get(s).isEmpty()) {
        throw new NotEnoughValidatorsException(
            "placement left shard " + s + " empty in epoch " + epoch);
      }
      List<Slot> slots = applyCap(placed.get(s), p.shardCapBps());
      slots.sort(Comparator.comparing(Slot::key));
      shards.add(new ShardCommittee(ShardId.of(s), slots));
    }
    return new ShardState(epoch, shards);
  }

  /** Drops keys of validators above the cap (see the class comment), in place. */
  static List<Slot> applyCap(List<Slot> slots, int capBps) {
    List<Slot> out = new ArrayList<>(slots);
    while (true) {
      long total = 0;
      Map<Address, Long> byValidator = new HashMap<>();
      Map<Address, Integer> count = new HashMap<>();
      for (Slot s : out) {
        total += s.votingPower();
        byValidator.merge(s.validator(), s.votingPower(), Long::sum);
        count.merge(s.validator(), 1, Integer::sum);
      }
      if (byValidator.size() < 2) {
        return out;
      }
      Address over = null;
      for (Map.Entry<Address, Long> e : new java.util.TreeMap<>(byValidator).entrySet()) {
        boolean exceeds =
            BigInteger.valueOf(e.getValue())
                    .multiply(BigInteger.valueOf(StakingParams.BPS))
                    .compareTo(BigInteger.valueOf(total).multiply(BigInteger.valueOf(capBps)))
                > 0;
        if (exceeds && count.get(e.getKey()) > 1) {
          over = e.getKey();
          break;
        }
      }
      if (over == null) {
        return out;
      }
      Slot drop = null;
      for (Slot s : out) {
        if (s.validator().equals(over)
            && (drop == null
                || s.votingPower() < drop.votingPower()
                || (s.votingPower() == drop.votingPower() && s.key().compareTo(drop.key()) > 0))) {
          drop = s;
        }
      }
      out.remove(drop);
    }
  }

  /**
   * Step 5 as first specified: the winners (by key) shuffled by {@link #shuffle}, winner {@code i}
   * of the shuffled order to shard {@code i mod shardCount}.
   */
  static int[] uniformPlacement(
      long epoch, List<ValidatorKey> winnersByKey, int shardCount, Hash32 seed) {
    List<Integer> order = new ArrayList<>(winnersByKey.size());
    for (int i = 0; i < winnersByKey.size(); i++) {
      order.add(i);
    }
    shuffle(order, seed, epoch);
    int[] shardOf = new int[winnersByKey.size()];
    for (int i = 0; i < order.size(); i++) {
      shardOf[order.get(i)] = i % shardCount;
    }
    return shardOf;
  }

  /** Fisher–Yates from the last index down, j uniform in [0, i] drawn by {@link Draw}. */
  static <T> void shuffle(List<T> items, Hash32 seed, long epoch) {
    Draw draw = new Draw(seed, epoch);
    for (int i = items.size() - 1; i > 0; i--) {
      int j = draw.below(i + 1);
      T t = items.get(i);
      items.set(i, items.get(j));
      items.set(j, t);
    }
  }

  /**
   * Uniform integers from Keccak-256(seed ‖ epoch(8, BE) ‖ counter(8, BE)): each hash gives four
   * 64-bit big-endian words; a word w is used as w' = w >>> 1 (63 bits) and rejected when w' ≥ 2^63
   * − (2^63 mod n), else the draw is w' mod n.
   */
  static final class Draw {
    private final Hash32 seed;
    private final long epoch;
    private long counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    Draw(Hash32 seed, long epoch) {
      this.seed = seed;
      this.epoch = epoch;
    }

    int below(int n) {
      long limit = Long.MAX_VALUE - (Long.MAX_VALUE % n + 1) % n;
      while (true) {
        long w = next() >>> 1;
        if (w <= limit) {
          return (int) (w % n);
        }
      }
    }

    long next() {
      if (!block.hasRemaining()) {
        ByteBuffer in = ByteBuffer.allocate(16).putLong(epoch).putLong(counter++);
        block = ByteBuffer.wrap(Hashing.keccak256(seed.toBytes(), Bytes.of(in.array())).toArray());
      }
      return block.getLong();
    }
  }
}
