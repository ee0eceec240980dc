package io.fugue.chain.primitives;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An unsigned 256-bit integer for balances, values and fees. Arithmetic that would leave {@code [0,
 * 2^256)} throws {@link ArithmeticException} (or returns empty from the {@code try*} forms), so an
 * overflowing credit or an overdraft can never wrap silently.
 */
public final class Uint256 implements Comparable<Uint256> {
  public static final int BYTES = 32;
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(256);
  public static final Uint256 ZERO = new Uint256(BigInteger.ZERO);
  public static final Uint256 ONE = new Uint256(BigInteger.ONE);
  public static final Uint256 MAX = new Uint256(LIMIT.subtract(BigInteger.ONE));

  private final BigInteger value;

  private Uint256(BigInteger value) {
    this.value = value;
  }

  /** Throws {@link IllegalArgumentException} unless {@code 0 <= value < 2^256}. */
  public static Uint256 of(BigInteger value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("not an unsigned 256-bit integer: " + value);
    }
    return value.signum() == 0 ? ZERO : new Uint256(value);
  }

  public static Uint256 of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value);
    }
    return of(BigInteger.valueOf(value));
  }

  /** Big-endian, at most 32 bytes; leading zeros are allowed here (the codec is stricter). */
  public static Uint256 fromBytes(Bytes bigEndian) {
    if (bigEndian.size() > BYTES) {
      throw new IllegalArgumentException("more than 32 bytes: " + bigEndian.size());
    }
    return of(new BigInteger(1, bigEndian.toArray()));
  }

  public BigInteger toBigInteger() {
    return value;
  }

  /** The minimal big-endian form: no leading zero byte, and empty for zero. */
  public Bytes toMinimalBytes() {
    if (value.signum() == 0) {
      return Bytes.EMPTY;
    }
    byte[] raw = value.toByteArray();
    return raw[0] == 0 ? Bytes.of(raw, 1, raw.length - 1) : Bytes.of(raw);
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public Uint256 add(Uint256 other) {
    return tryAdd(other).orElseThrow(() -> new ArithmeticException("uint256 overflow"));
  }

  public Uint256 subtract(Uint256 other) {
    return trySubtract(other).orElseThrow(() -> new ArithmeticException("uint256 underflow"));
  }

  public Optional<Uint256> tryAdd(Uint256 other) {
    BigInteger sum = value.add(other.value);
    return sum.compareTo(LIMIT) < 0 ? Optional.of(new Uint256(sum)) : Optional.empty();
  }

  public Optional<Uint256> trySubtract(Uint256 other) {
    BigInteger diff = value.subtract(other.value);
    return diff.signum() >= 0 ? Optional.of(of(diff)) : Optional.empty();
  }

  public Uint256 multiply(Uint256 other) {
    BigInteger product = value.multiply(other.value);
    if (product.compareTo(LIMIT) >= 0) {
      throw new ArithmeticException("uint256 overflow");
    }
    return of(product);
  }

  @Override
  public int compareTo(Uint256 other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Uint256 other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
