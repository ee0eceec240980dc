package io.fugue.zk;

/** The bit size n of a range proof: the proof shows a value lies in [0, 2^n). */
public enum BitSize {
  B8(8),
  B16(16),
  B32(32),
  B64(64);

  private final int bits;

  BitSize(int bits) {
    this.bits = bits;
  }

  public int bits() {
    return bits;
  }

  /**
   * The bit size with {@code bits} bits; throws {@link ZkException} unless it is 8, 16, 32 or 64.
   */
  public static BitSize of(int bits) {
    for (BitSize b : values()) {
      if (b.bits == bits) {
        return b;
      }
    }
    throw new ZkException("bit size n must be 8, 16, 32 or 64, got " + bits);
  }

  /** Whether {@code value} (read as unsigned) fits in this many bits. */
  boolean fits(java.math.BigInteger value) {
    return value.signum() >= 0 && value.bitLength() <= bits;
  }
}
