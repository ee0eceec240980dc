package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Bytes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A recoverable secp256k1 signature {@code (r, s, v)}: {@code 1 <= r, s < n}, {@code s <= n/2} (low
 * s, so a signature cannot be re-shaped into a second valid one), {@code v} in {0, 1}. Encoded as
 * 65 bytes {@code r(32) ‖ s(32) ‖ v(1)}.
 */
public record Secp256k1Signature(BigInteger r, BigInteger s, int recoveryId) {
  public static final int SIZE = 65;

  public Secp256k1Signature {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
      throw new CryptoException("signature r is outside [1, n)");
    }
    if (s.signum() <= 0 || s.compareTo(Secp256k1.N) >= 0) {
      throw new CryptoException("signature s is outside [1, n)");
    }
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new CryptoException("signature s is high (above n/2); only low-s is accepted");
    }
    if (recoveryId != 0 && recoveryId != 1) {
      throw new CryptoException("recovery id must be 0 or 1, got " + recoveryId);
    }
  }

  /** Parses {@code r ‖ s ‖ v}, enforcing every rule of the canonical form. */
  public static Secp256k1Signature fromBytes(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new CryptoException("a secp256k1 signature is 65 bytes, got " + bytes.size());
    }
    byte[] raw = bytes.toArray();
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64));
    return new Secp256k1Signature(r, s, raw[64]);
  }

  public Bytes toBytes() {
    byte[] out = new byte[SIZE];
    put(r, out, 0);
    put(s, out, 32);
    out[64] = (byte) recoveryId;
    return Bytes.of(out);
  }

  private static void put(BigInteger v, byte[] out, int at) {
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, at + 32 - len, len);
  }
}
