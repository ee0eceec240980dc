package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.util.Objects;

/** A committee member's BLS12-381 public key in compressed form (48 bytes, min-pk). */
public record ValidatorKey(Bytes bytes) implements Comparable<ValidatorKey> {
  public static final int SIZE = 48;

  public ValidatorKey {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a validator key is 48 bytes, got " + bytes.size());
    }
  }

  @Override
  public int compareTo(ValidatorKey other) {
    return bytes.compareTo(other.bytes);
  }

  /** A short form for logs. */
  public String shortHex() {
    return bytes.toHex().substring(0, 12);
  }
}
