package io.fugue.chain.primitives;

/**
 * A shard number. Shard 0 is the beacon chain. Bounded to 16 bits so a shard id always fits the
 * fixed-width keys of storage and the 2-byte shard prefixes of the wire format.
 */
public record ShardId(int value) implements Comparable<ShardId> {
  public static final int MAX = 0xFFFF;
  public static final ShardId BEACON = new ShardId(0);

  public ShardId {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException("shard id must be in [0, " + MAX + "], got " + value);
    }
  }

  public static ShardId of(int value) {
    return new ShardId(value);
  }

  public boolean isBeacon() {
    return value == 0;
  }

  @Override
  public int compareTo(ShardId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "shard-" + value;
  }
}
