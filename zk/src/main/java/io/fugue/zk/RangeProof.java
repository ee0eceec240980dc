package io.fugue.zk;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Bulletproof range proof in the Rust {@code bulletproofs} crate's own byte format ({@code
 * RangeProof::to_bytes}) for m values of n bits each: 32·(9 + 2·log2(n·m)) bytes, 672 for one
 * 64-bit value. Neither n nor m is inside the bytes; they travel with them. Immutable.
 */
public final class RangeProof {
  /** Largest number of values in one aggregated proof. */
  public static final int MAX_VALUES = 64;

  private final byte[] bytes;
  private final BitSize bits;
  private final int values;

  private RangeProof(byte[] owned, BitSize bits, int values) {
    this.bytes = owned;
    this.bits = bits;
    this.values = values;
  }

  /**
   * Wraps proof bytes for {@code values} values of {@code bits} bits; throws {@link ZkException}
   * when n or m is not allowed or the length does not match them. Whether the proof verifies is the
   * {@link RangeVerifier}'s business.
   */
  public static RangeProof of(byte[] bytes, int bits, int values) {
    BitSize n = BitSize.of(bits);
    checkValueCount(values);
    if (bytes == null) {
      throw new ZkException("proof must not be null");
    }
    int expected = length(n, values);
    if (bytes.length != expected) {
      throw new ZkException(
          "proof has "
              + bytes.length
              + " bytes; a proof for n="
              + bits
              + ", m="
              + values
              + " has "
              + expected);
    }
    return new RangeProof(bytes.clone(), n, values);
  }

  /** The byte length of a proof for m values of n bits. */
  public static int length(BitSize bits, int values) {
    checkValueCount(values);
    return 32 * (9 + 2 * Integer.numberOfTrailingZeros(bits.bits() * values));
  }

  static void checkValueCount(int m) {
    if (m < 1 || m > MAX_VALUES || Integer.bitCount(m) != 1) {
      throw new ZkException(
          "the number of values m must be a power of two from 1 to " + MAX_VALUES + ", got " + m);
    }
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  /** The bit size n. */
  public BitSize bits() {
    return bits;
  }

  /** The number of values m. */
  public int values() {
    return values;
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangeProof p
        && bits == p.bits
        && values == p.values
        && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(bytes) + bits.hashCode()) + values;
  }

  @Override
  public String toString() {
    return "RangeProof[n="
        + bits.bits()
        + ", m="
        + values
        + ", "
        + bytes.length
        + " bytes, "
        + HexFormat.of().formatHex(bytes, 0, 8)
        + "…]";
  }
}
