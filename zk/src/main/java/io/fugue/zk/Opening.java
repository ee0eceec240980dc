package io.fugue.zk;

import io.fugue.nativelib.NativeZk;
import java.util.Arrays;

/**
 * The secret behind a {@link Commitment}: the value v and the blinding r with C = v·B +
 * r·B_blinding. Values are non-negative {@code long}s (0 to 2^63 − 1).
 *
 * <p>The blinding can be wiped ({@link #wipe()} or {@link #close()}); after that every use throws
 * {@link ZkException}. Neither the value nor the blinding ever appears in {@link #toString()}.
 *
 * <p>Not thread-safe: do not wipe an opening while another thread proves with it.
 */
public final class Opening implements AutoCloseable {
  public static final int BLINDING_BYTES = NativeZk.SCALAR_BYTES;

  private final long value;
  private final byte[] blinding;
  private final Commitment commitment;
  private boolean wiped;

  private Opening(long value, byte[] blinding, Commitment commitment) {
    this.value = value;
    this.blinding = blinding;
    this.commitment = commitment;
  }

  /** An opening of {@code value} with a fresh random blinding. */
  public static Opening random(long value) {
    return of(value, Native.call(NativeZk::randomScalar));
  }

  /**
   * An opening of {@code value} whose blinding is 64 uniform bytes (for example from a keyed
   * derivation) reduced modulo the group order, so the same bytes always give the same commitment.
   */
  public static Opening fromUniformBytes(long value, byte[] uniform) {
    if (uniform == null || uniform.length != NativeZk.UNIFORM_BYTES) {
      throw new ZkException(
          "uniform bytes must be "
              + NativeZk.UNIFORM_BYTES
              + " bytes, got "
              + (uniform == null ? "null" : uniform.length));
    }
    byte[] blinding = Native.call(() -> NativeZk.scalarFromUniformBytes(uniform));
    try {
      return of(value, blinding);
    } finally {
      Arrays.fill(blinding, (byte) 0);
    }
  }

  /**
   * An opening of {@code value} with the given blinding, which must be a canonical 32-byte scalar.
   * The blinding is copied; the caller may wipe its own array.
   */
  public static Opening of(long value, byte[] blinding) {
    if (value < 0) {
      throw new ZkException("value must be non-negative");
    }
    if (blinding == null) {
      throw new ZkException("blinding must not be null");
    }
    if (blinding.length != BLINDING_BYTES) {
      throw new ZkException(
          "blinding must be " + BLINDING_BYTES + " bytes, got " + blinding.length);
    }
    byte[] copy = blinding.clone();
    byte[] c = Native.call(() -> NativeZk.commit(value, copy));
    return new Opening(value, copy, Commitment.trusted(c));
  }

  /** The committed value. */
  public long value() {
    checkNotWiped();
    return value;
  }

  /** A copy of the blinding (for storing the opening, e.g. in the holder's vault). */
  public byte[] blinding() {
    checkNotWiped();
    return blinding.clone();
  }

  byte[] blindingUnsafe() {
    checkNotWiped();
    return blinding;
  }

  /** The commitment this opening opens. Stays readable after {@link #wipe()}. */
  public Commitment commitment() {
    return commitment;
  }

  /** Overwrites the blinding with zeros; the opening is unusable afterwards. */
  public void wipe() {
    Arrays.fill(blinding, (byte) 0);
    wiped = true;
  }

  public boolean isWiped() {
    return wiped;
  }

  @Override
  public void close() {
    wipe();
  }

  private void checkNotWiped() {
    if (wiped) {
      throw new ZkException("opening was wiped");
    }
  }

  @Override
  public String toString() {
    return "Opening[commitment=" + commitment.toHex() + ", value and blinding redacted]";
  }
}
