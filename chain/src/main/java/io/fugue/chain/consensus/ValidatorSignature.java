package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.util.Objects;

/** A BLS12-381 signature in compressed form (96 bytes), single or aggregate. */
public record ValidatorSignature(Bytes bytes) {
  public static final int SIZE = 96;

  public ValidatorSignature {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a signature is 96 bytes, got " + bytes.size());
    }
  }
}
