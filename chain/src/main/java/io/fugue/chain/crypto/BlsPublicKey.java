package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Bytes;
import java.util.List;
import java.util.Objects;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A BLS12-381 public key: a point of G1, 48 bytes compressed (ZCash serialization). Every instance
 * is valid by construction: decoding runs KeyValidate (on the curve, in the prime-order subgroup,
 * not the point at infinity), so the checks are paid once per key, not per verify.
 */
public final class BlsPublicKey implements Comparable<BlsPublicKey> {
  public static final int SIZE = 48;

  private final P1_Affine point;
  private final Bytes compressed;

  private BlsPublicKey(P1_Affine point, Bytes compressed) {
    this.point = point;
    this.compressed = compressed;
  }

  static BlsPublicKey fromTrustedPoint(P1_Affine point) {
    return new BlsPublicKey(point, Bytes.of(point.compress()));
  }

  /** Decodes and validates a compressed key; throws {@link CryptoException} if invalid. */
  public static BlsPublicKey fromBytes(Bytes bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != SIZE) {
      throw new CryptoException("a BLS public key is 48 bytes, got " + bytes.size());
    }
    if ((bytes.get(0) & 0x80) == 0) {
      throw new CryptoException("BLS public key is not in compressed form");
    }
    P1_Affine p;
    try {
      p = new P1_Affine(bytes.toArray());
    } catch (RuntimeException e) {
      throw new CryptoException("BLS public key does not decode to a curve point", e);
    }
    if (p.is_inf()) {
      throw new CryptoException("BLS public key is the point at infinity");
    }
    if (!p.in_group()) {
      throw new CryptoException("BLS public key is not in the G1 subgroup");
    }
    return new BlsPublicKey(p, bytes);
  }

  public static BlsPublicKey fromHex(String hex) {
    return fromBytes(Bytes.fromHex(hex));
  }

  /**
   * Sums keys for verifying an aggregate signature of one message. The inputs are already
   * validated, and each must have had its proof of possession checked at registration, or a rogue
   * key could cancel the others. Throws if the list is empty or the sum is infinity.
   */
  public static BlsPublicKey aggregate(List<BlsPublicKey> keys) {
    if (keys.isEmpty()) {
      throw new CryptoException("cannot aggregate an empty list of public keys");
    }
    P1 sum = new P1(keys.get(0).point);
    for (int i = 1; i < keys.size(); i++) {
      sum.add(keys.get(i).point);
    }
    if (sum.is_inf()) {
      throw new CryptoException("aggregate public key is the point at infinity");
    }
    return fromTrustedPoint(sum.to_affine());
  }

  /** Checks a proof of possession made by {@link BlsSecretKey#proofOfPossession()}. */
  public boolean verifyProofOfPossession(BlsSignature proof) {
    BLST_ERROR err = proof.affine().core_verify(point, true, compressed.toArray(), Bls.POP_DST);
    return err == BLST_ERROR.BLST_SUCCESS;
  }

  P1_Affine affine() {
    return point;
  }

  public Bytes toBytes() {
    return compressed;
  }

  /** Orders by compressed bytes (unsigned), for deterministic committee orders. */
  @Override
  public int compareTo(BlsPublicKey other) {
    return compressed.compareTo(other.compressed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsPublicKey other && compressed.equals(other.compressed);
  }

  @Override
  public int hashCode() {
    return compressed.hashCode();
  }

  @Override
  public String toString() {
    return compressed.toPrefixedHex();
  }
}
