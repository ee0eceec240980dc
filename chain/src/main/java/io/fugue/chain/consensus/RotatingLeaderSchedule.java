package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Leaders rotate every K heights through a permutation of the committee derived from a chain seed
 * (today the genesis hash; the randomness issue will feed the epoch randomness): members are
 * ordered by {@code SHA-256(seed ‖ BE32(index))}. Slot {@code s = (height - 1) / K}; the leader of
 * view {@code v} is the member at position {@code (s + v) mod n}, so a view change hands over to
 * the next member in the same order.
 */
public final class RotatingLeaderSchedule implements LeaderSchedule {
  private final long blocksPerLeader;
  private final Bytes seed;
  private Committee cachedFor;
  private int[] cachedOrder;

  public RotatingLeaderSchedule(long blocksPerLeader, Bytes seed) {
    if (blocksPerLeader < 1) {
      throw new IllegalArgumentException("K >= 1");
    }
    this.blocksPerLeader = blocksPerLeader;
    this.seed = Objects.requireNonNull(seed, "seed");
  }

  @Override
  public int leaderIndex(Committee committee, long height, long viewId) {
    int[] order = order(committee);
    long slot = Math.max(0, height - 1) / blocksPerLeader;
    return order[(int) Math.floorMod(slot + viewId, (long) order.length)];
  }

  /** The rotation order of committee indices. */
  public int[] order(Committee committee) {
    if (!committee.equals(cachedFor)) {
      cachedOrder = computeOrder(committee.size());
      cachedFor = committee;
    }
    return cachedOrder.clone();
  }

  private int[] computeOrder(int n) {
    Bytes[] keys = new Bytes[n];
    for (int i = 0; i < n; i++) {
      keys[i] = sha256(Bytes.concat(seed, Bytes.of(ByteBuffer.allocate(4).putInt(i).array())));
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.<Integer, Bytes>comparing(i -> keys[i]).thenComparing(i -> i));
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  private static Bytes sha256(Bytes data) {
    try {
      return Bytes.of(MessageDigest.getInstance("SHA-256").digest(data.toArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
