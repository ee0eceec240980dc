package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Bytes;
import java.util.List;
import java.util.Objects;
import supranational.blst.BLST_ERROR;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A BLS12-381 signature: a point of G2, 96 bytes compressed. Decoding checks that the point is on
 * the curve and in the prime-order subgroup, so aggregation and verification work on valid points
 * only.
 */
public final class BlsSignature {
  public static final int SIZE = 96;

  private final P2_Affine point;
  private final Bytes compressed;

  private BlsSignature(P2_Affine point, Bytes compressed) {
    this.point = point;
    this.compressed = compressed;
  }

  static BlsSignature fromTrustedPoint(P2_Affine point) {
    return new BlsSignature(point, Bytes.of(point.compress()));
  }

  /** Decodes and validates a compressed signature; throws {@link CryptoException} if invalid. */
  public static BlsSignature fromBytes(Bytes bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != SIZE) {
      throw new CryptoException("a BLS signature is 96 bytes, got " + bytes.size());
    }
    if ((bytes.get(0) & 0x80) == 0) {
      throw new CryptoException("BLS signature is not in compressed form");
    }
    P2_Affine p;
    try {
      p = new P2_Affine(bytes.toArray());
    } catch (RuntimeException e) {
      throw new CryptoException("BLS signature does not decode to a curve point", e);
    }
    if (!p.in_group()) {
      throw new CryptoException("BLS signature is not in the G2 subgroup");
    }
    return new BlsSignature(p, bytes);
  }

  public static BlsSignature fromHex(String hex) {
    return fromBytes(Bytes.fromHex(hex));
  }

  /** Sums signatures (of the same or of different messages); throws if the list is empty. */
  public static BlsSignature aggregate(List<BlsSignature> signatures) {
    if (signatures.isEmpty()) {
      throw new CryptoException("cannot aggregate an empty list of signatures");
    }
    P2 sum = new P2(signatures.get(0).point);
    for (int i = 1; i < signatures.size(); i++) {
      sum.add(signatures.get(i).point);
    }
    return fromTrustedPoint(sum.to_affine());
  }

  /** Verify of draft-irtf-cfrg-bls-signature-05 §2.7 (CoreVerify under {@link Bls#SIG_DST}). */
  public boolean verify(BlsPublicKey publicKey, Bytes message) {
    BLST_ERROR err = point.core_verify(publicKey.affine(), true, message.toArray(), Bls.SIG_DST);
    return err == BLST_ERROR.BLST_SUCCESS;
  }

  /**
   * FastAggregateVerify (§3.3.4): all {@code keys} signed the same {@code message} and {@code
   * aggregate} is the sum of their signatures. False for an empty key list. The keys must have
   * passed proof-of-possession checks.
   */
  public static boolean fastAggregateVerify(
      List<BlsPublicKey> keys, Bytes message, BlsSignature aggregate) {
    if (keys.isEmpty()) {
      return false;
    }
    BlsPublicKey sum;
    try {
      sum = BlsPublicKey.aggregate(keys);
    } catch (CryptoException e) {
      // Keys summing to infinity: no signature verifies against them.
      return false;
    }
    return aggregate.verify(sum, message);
  }

  P2_Affine affine() {
    return point;
  }

  public Bytes toBytes() {
    return compressed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsSignature other && compressed.equals(other.compressed);
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
