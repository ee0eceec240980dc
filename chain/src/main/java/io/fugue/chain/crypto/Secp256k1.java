package io.fugue.chain.crypto;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Recoverable ECDSA over secp256k1 (SEC 2), as Ethereum uses it: deterministic nonces (RFC 6979
 * with SHA-256), signatures normalised to low s (EIP-2), and public-key recovery (SEC 1 §4.1.6)
 * from the 32-byte digest, so a transaction need not carry its sender. Callers sign the keccak of a
 * payload that contains the chain id, which binds the signature to one chain.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  static final BigInteger N = PARAMS.getN();
  static final BigInteger HALF_N = N.shiftRight(1);
  private static final BigInteger P = PARAMS.getCurve().getField().getCharacteristic();

  private Secp256k1() {}

  /** Signs a 32-byte digest; the result always has a low s and a recovery id of 0 or 1. */
  public static Secp256k1Signature sign(Hash32 digest, Secp256k1PrivateKey key) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(key.scalar(), DOMAIN));
    BigInteger[] rs = signer.generateSignature(digest.toArray());
    BigInteger r = rs[0];
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    Secp256k1PublicKey expected = key.publicKey();
    for (int recId = 0; recId < 2; recId++) {
      Secp256k1Signature candidate = new Secp256k1Signature(r, s, recId);
      if (recover(digest, candidate).filter(expected::equals).isPresent()) {
        return candidate;
      }
    }
    // Only when the nonce point's x is >= n (probability about 2^-127): no 0/1 recovery id.
    throw new CryptoException("signature has no recovery id in {0, 1}");
  }

  /**
   * The public key that produced {@code signature} over {@code digest}, or empty if none does. A
   * valid (low-s, in-range) signature over a different digest recovers a different key.
   */
  public static Optional<Secp256k1PublicKey> recover(Hash32 digest, Secp256k1Signature signature) {
    BigInteger r = signature.r();
    BigInteger s = signature.s();
    // x = r: recovery ids 2 and 3 (x = r + n) are not produced and not accepted.
    if (r.compareTo(P) >= 0) {
      return Optional.empty();
    }
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (0x02 + signature.recoveryId());
    byte[] x = r.toByteArray();
    int len = Math.min(x.length, 32);
    System.arraycopy(x, x.length - len, compressed, 33 - len, len);
    ECPoint point;
    try {
      point = DOMAIN.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, digest.toArray());
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = e.negate().mod(N).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, point, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(Secp256k1PublicKey.fromPoint(q));
  }

  /** The address of the signer, or empty if the signature recovers no key. */
  public static Optional<Address> recoverAddress(Hash32 digest, Secp256k1Signature signature) {
    return recover(digest, signature).map(Secp256k1PublicKey::address);
  }

  /** True if {@code signature} over {@code digest} was made by {@code key}. */
  public static boolean verify(
      Hash32 digest, Secp256k1Signature signature, Secp256k1PublicKey key) {
    return recover(digest, signature).filter(key::equals).isPresent();
  }
}
