package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** An account key: a secp256k1 scalar in [1, n). {@link #toString()} never shows it. */
public final class Secp256k1PrivateKey {
  public static final int SIZE = 32;

  private final BigInteger scalar;
  private final Secp256k1PublicKey publicKey;

  private Secp256k1PrivateKey(BigInteger scalar) {
    this.scalar = scalar;
    this.publicKey =
        Secp256k1PublicKey.fromPoint(
            new FixedPointCombMultiplier().multiply(Secp256k1.DOMAIN.getG(), scalar));
  }

  /** Parses a 32-byte big-endian scalar; rejects 0 and values >= n. */
  public static Secp256k1PrivateKey fromBytes(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new CryptoException("a secp256k1 private key is 32 bytes, got " + bytes.size());
    }
    BigInteger d = new BigInteger(1, bytes.toArray());
    if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
      throw new CryptoException("secp256k1 private key is not in [1, n)");
    }
    return new Secp256k1PrivateKey(d);
  }

  public static Secp256k1PrivateKey generate(SecureRandom random) {
    while (true) {
      BigInteger d = new BigInteger(256, random);
      if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
        return new Secp256k1PrivateKey(d);
      }
    }
  }

  public Bytes toBytes() {
    byte[] raw = scalar.toByteArray();
    byte[] out = new byte[SIZE];
    int len = Math.min(raw.length, SIZE);
    System.arraycopy(raw, raw.length - len, out, SIZE - len, len);
    return Bytes.of(out);
  }

  public Secp256k1PublicKey publicKey() {
    return publicKey;
  }

  public Address address() {
    return publicKey.address();
  }

  public Secp256k1Signature sign(Hash32 digest) {
    return Secp256k1.sign(digest, this);
  }

  BigInteger scalar() {
    return scalar;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PrivateKey other && scalar.equals(other.scalar);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "Secp256k1PrivateKey[address=" + address() + "]";
  }
}
