package io.fugue.zk;

import io.fugue.nativelib.NativeZk;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Pedersen commitment C = v·B + r·B_blinding on ristretto255: a canonical 32-byte compressed
 * point. Immutable, with value semantics; copies bytes on the way in and out.
 */
public final class Commitment {
  public static final int BYTES = NativeZk.POINT_BYTES;

  private final byte[] bytes;

  private Commitment(byte[] owned) {
    this.bytes = owned;
  }

  /**
   * Parses a commitment; throws {@link ZkException} unless {@code bytes} is a canonical 32-byte
   * ristretto255 encoding.
   */
  public static Commitment of(byte[] bytes) {
    if (bytes == null) {
      throw new ZkException("commitment must not be null");
    }
    if (bytes.length != BYTES) {
      throw new ZkException("commitment must be " + BYTES + " bytes, got " + bytes.length);
    }
    byte[] copy = bytes.clone();
    try {
      Native.run(() -> NativeZk.checkPoint(copy));
    } catch (ZkException e) {
      throw new ZkException("commitment is not a canonical ristretto255 point", e);
    }
    return new Commitment(copy);
  }

  /** Parses a commitment from 64 hex digits. */
  public static Commitment fromHex(String hex) {
    if (hex == null) {
      throw new ZkException("commitment must not be null");
    }
    try {
      return of(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new ZkException("commitment is not hex: " + e.getMessage(), e);
    }
  }

  /** Wraps bytes that the native library produced (already canonical). */
  static Commitment trusted(byte[] owned) {
    return new Commitment(owned);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Commitment c && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Commitment[" + toHex() + "]";
  }
}
