package io.fugue.chain.primitives;

import java.util.Arrays;
import java.util.Objects;

/** A 32-byte hash (keccak-256 or SHA-256, as the owning structure says). */
public final class Hash32 implements Comparable<Hash32> {
  public static final int SIZE = 32;
  public static final Hash32 ZERO = new Hash32(new byte[SIZE]);

  private final byte[] bytes;

  private Hash32(byte[] owned) {
    this.bytes = owned;
  }

  /** Wraps a copy of exactly 32 bytes. */
  public static Hash32 of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new Hash32(bytes.clone());
  }

  /** Takes ownership of {@code owned} without copying: only for freshly computed digests. */
  static Hash32 wrapOwned(byte[] owned) {
    if (owned.length != SIZE) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + owned.length);
    }
    return new Hash32(owned);
  }

  public static Hash32 of(Bytes bytes) {
    return of(bytes.toArray());
  }

  public static Hash32 fromHex(String hex) {
    return of(Bytes.fromHex(hex));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public Bytes toBytes() {
    return Bytes.of(bytes);
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  /** Bit {@code i} counted from the most significant bit of byte 0 (a path in a binary tree). */
  public boolean bit(int i) {
    Objects.checkIndex(i, SIZE * 8);
    return ((bytes[i >>> 3] >>> (7 - (i & 7))) & 1) == 1;
  }

  public String toHex() {
    return toBytes().toHex();
  }

  @Override
  public int compareTo(Hash32 other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash32 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    // The leading bytes of a hash are already uniformly distributed.
    return (bytes[0] & 0xff) << 24
        | (bytes[1] & 0xff) << 16
        | (bytes[2] & 0xff) << 8
        | (bytes[3] & 0xff);
  }

  @Override
  public String toString() {
    return "0x" + toHex();
  }
}
