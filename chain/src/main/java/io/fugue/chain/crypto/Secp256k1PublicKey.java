package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/** A secp256k1 public key: a curve point other than infinity, shown as 64 bytes {@code X ‖ Y}. */
public final class Secp256k1PublicKey {
  public static final int SIZE = 64;

  private final Bytes encoded;

  private Secp256k1PublicKey(ECPoint normalized) {
    byte[] full = normalized.getEncoded(false);
    this.encoded = Bytes.of(Arrays.copyOfRange(full, 1, full.length));
  }

  static Secp256k1PublicKey fromPoint(ECPoint point) {
    return new Secp256k1PublicKey(point.normalize());
  }

  /** Parses 64 bytes {@code X ‖ Y} and checks that the point is on the curve. */
  public static Secp256k1PublicKey fromBytes(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new CryptoException("a secp256k1 public key is 64 bytes, got " + bytes.size());
    }
    byte[] sec1 = new byte[SIZE + 1];
    sec1[0] = 0x04;
    bytes.copyTo(sec1, 1);
    try {
      ECPoint p = Secp256k1.DOMAIN.getCurve().decodePoint(sec1);
      if (p.isInfinity() || !p.isValid()) {
        throw new CryptoException("secp256k1 public key is not a valid point");
      }
      return new Secp256k1PublicKey(p.normalize());
    } catch (IllegalArgumentException e) {
      throw new CryptoException("secp256k1 public key is not on the curve", e);
    }
  }

  public Bytes toBytes() {
    return encoded;
  }

  public Address address() {
    return Address.fromPublicKey(encoded.toArray());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PublicKey other && encoded.equals(other.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return encoded.toPrefixedHex();
  }
}
