package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Bytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import supranational.blst.BLST_ERROR;
import supranational.blst.P2_Affine;
import supranational.blst.PT;
import supranational.blst.Pairing;

/**
 * BLS12-381 signature scheme constants (IETF draft-irtf-cfrg-bls-signature-05, min-pk variant with
 * proof of possession) and operations over several independent signatures.
 */
public final class Bls {
  /** Ciphersuite of ordinary signatures (draft-irtf-cfrg-bls-signature-05 §4.2.3). */
  public static final String SIG_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

  /** Ciphersuite of proofs of possession (same section): a key signs its own encoding. */
  public static final String POP_DST = "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Bls() {}

  /** One (public key, message, signature) triple for {@link #batchVerify}. */
  public record SignedMessage(BlsPublicKey publicKey, Bytes message, BlsSignature signature) {
    public SignedMessage {
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * AggregateVerify of the proof-of-possession scheme, which is CoreAggregateVerify
   * (draft-irtf-cfrg-bls-signature-05 §2.9): {@code aggregate} is the sum of signatures by {@code
   * keys[i]} over {@code messages[i]}. Messages need not be distinct because every key must have
   * passed its proof of possession. False for empty or mismatched lists.
   */
  public static boolean aggregateVerify(
      List<BlsPublicKey> keys, List<Bytes> messages, BlsSignature aggregate) {
    if (keys.isEmpty() || keys.size() != messages.size()) {
      return false;
    }
    Pairing pairing = new Pairing(true, SIG_DST);
    for (int i = 0; i < keys.size(); i++) {
      BLST_ERROR err =
          pairing.aggregate(keys.get(i).affine(), (P2_Affine) null, messages.get(i).toArray());
      if (err != BLST_ERROR.BLST_SUCCESS) {
        return false;
      }
    }
    pairing.commit();
    return pairing.finalverify(new PT(aggregate.affine()));
  }

  /**
   * Checks many independent signatures with one final exponentiation. Each triple is weighted by a
   * fresh random 64-bit scalar, so a set of invalid signatures that cancel each other passes only
   * with probability about 2^-63 (the scalars are odd so never zero). Returns true for an empty
   * list (nothing to reject).
   */
  public static boolean batchVerify(List<SignedMessage> items) {
    if (items.isEmpty()) {
      return true;
    }
    Pairing pairing = new Pairing(true, SIG_DST);
    for (SignedMessage item : items) {
      BigInteger scalar = new BigInteger(64, RANDOM).setBit(0);
      BLST_ERROR err =
          pairing.mul_n_aggregate(
              item.publicKey().affine(),
              item.signature().affine(),
              scalar,
              item.message().toArray());
      if (err != BLST_ERROR.BLST_SUCCESS) {
        return false;
      }
    }
    pairing.commit();
    return pairing.finalverify();
  }
}
