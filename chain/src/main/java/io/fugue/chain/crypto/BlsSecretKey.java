package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.SecretKey;

/**
 * A BLS12-381 secret key (a scalar modulo the group order r). Its public key lives in G1 (48 bytes
 * compressed), its signatures in G2 (96 bytes). Never printed: {@link #toString()} hides it.
 */
public final class BlsSecretKey {
  /** Order r of the BLS12-381 subgroups (draft-irtf-cfrg-pairing-friendly-curves-11 §4.2.1). */
  static final BigInteger ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  public static final int SIZE = 32;
  public static final int MIN_SEED_SIZE = 32;

  private final SecretKey key;
  private final BlsPublicKey publicKey;

  private BlsSecretKey(SecretKey key) {
    this.key = key;
    this.publicKey = BlsPublicKey.fromTrustedPoint(new P1(key).to_affine());
  }

  /**
   * Derives a key from at least 32 bytes of secret seed material with KeyGen of
   * draft-irtf-cfrg-bls-signature-05 §2.3 (HKDF-SHA256, empty key_info). Deterministic: the same
   * seed always yields the same key.
   */
  public static BlsSecretKey fromSeed(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length < MIN_SEED_SIZE) {
      throw new CryptoException("a BLS seed needs at least 32 bytes, got " + seed.length);
    }
    SecretKey sk = new SecretKey();
    sk.keygen(seed);
    return new BlsSecretKey(sk);
  }

  /** Parses the 32-byte big-endian scalar written by {@link #toBytes()}; rejects 0 and >= r. */
  public static BlsSecretKey fromBytes(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new CryptoException("a BLS secret key is 32 bytes, got " + bytes.size());
    }
    byte[] raw = bytes.toArray();
    BigInteger s = new BigInteger(1, raw);
    if (s.signum() == 0 || s.compareTo(ORDER) >= 0) {
      Arrays.fill(raw, (byte) 0);
      throw new CryptoException("BLS secret key is not a scalar in [1, r)");
    }
    SecretKey sk = new SecretKey();
    sk.from_bendian(raw);
    Arrays.fill(raw, (byte) 0);
    return new BlsSecretKey(sk);
  }

  /** The 32-byte big-endian scalar. Secret: only for key files. */
  public Bytes toBytes() {
    byte[] raw = key.to_bendian();
    Bytes out = Bytes.of(raw);
    Arrays.fill(raw, (byte) 0);
    return out;
  }

  public BlsPublicKey publicKey() {
    return publicKey;
  }

  /** Signs {@code message} under {@link Bls#SIG_DST} (hash-to-curve, not encode-to-curve). */
  public BlsSignature sign(Bytes message) {
    return BlsSignature.fromTrustedPoint(
        new P2().hash_to(message.toArray(), Bls.SIG_DST).sign_with(key).to_affine());
  }

  /**
   * The proof of possession: a signature of this key's compressed public key under {@link
   * Bls#POP_DST}. Checked once when a key is registered, it rules out rogue-key attacks on
   * aggregate public keys.
   */
  public BlsSignature proofOfPossession() {
    byte[] pk = publicKey.toBytes().toArray();
    return BlsSignature.fromTrustedPoint(
        new P2().hash_to(pk, Bls.POP_DST).sign_with(key).to_affine());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsSecretKey other && publicKey.equals(other.publicKey);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "BlsSecretKey[public=" + publicKey + "]";
  }
}
