package io.fugue.datasharing.holder;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1PublicKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.zk.Opening;
import io.fugue.zk.ZkException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * ECIES over secp256k1 for openings: a fresh ephemeral key k, the shared secret x(k·P) with the
 * recipient's key P, HKDF-SHA256 (salt = ephemeral ‖ recipient public keys, compressed; info =
 * {@code "fugue.opening.v1"}) to a 256-bit key, and AES-256-GCM over {@code value(8) ‖
 * blinding(32)} with the associated data {@code "fugue.opening.v1" ‖ attestation id}. The
 * associated data binds the ciphertext to its attestation: a sealed opening moved to another
 * attestation does not decrypt. The issuer seals to the holder's account key; the holder seals to
 * the vault's deposit key.
 *
 * <p>Thread-safe and stateless. Plaintext buffers are zeroed after use.
 */
public final class OpeningSealer {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final byte[] LABEL = "fugue.opening.v1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAG_BITS = 128;
  private static final int PLAIN_BYTES = 8 + Opening.BLINDING_BYTES;

  /** Encrypts {@code opening} to {@code recipient}, bound to attestation {@code id}. */
  public SealedOpening seal(
      Opening opening, Secp256k1PublicKey recipient, AttestationId id, SecureRandom random) {
    Objects.requireNonNull(opening, "opening");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(id, "id");
    BigInteger k = scalar(random);
    ECPoint ephemeral = new FixedPointCombMultiplier().multiply(CURVE.getG(), k).normalize();
    ECPoint p = point(recipient);
    byte[] key = deriveKey(p.multiply(k).normalize(), ephemeral, p);
    byte[] nonce = new byte[SealedOpening.NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plain = ByteBuffer.allocate(PLAIN_BYTES).putLong(opening.value()).array();
    byte[] blinding = opening.blinding();
    System.arraycopy(blinding, 0, plain, 8, blinding.length);
    try {
      byte[] ct = cipher(Cipher.ENCRYPT_MODE, key, nonce, id).doFinal(plain);
      return new SealedOpening(Bytes.of(ephemeral.getEncoded(true)), Bytes.of(nonce), Bytes.of(ct));
    } catch (GeneralSecurityException e) {
      throw new DataSharingException("sealing the opening failed", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
      Arrays.fill(blinding, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Decrypts a sealed opening with the recipient's key; throws {@link DataSharingException} when
   * the key is wrong, the bytes were tampered with or the opening is bound to another attestation
   * (one message for all three, so the error is no oracle).
   */
  public Opening open(SealedOpening sealed, Secp256k1PrivateKey key, AttestationId id) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(id, "id");
    ECPoint ephemeral = decodeEphemeral(sealed.ephemeralKey());
    BigInteger d = new BigInteger(1, key.toBytes().toArray());
    ECPoint p = point(key.publicKey());
    byte[] aesKey = deriveKey(ephemeral.multiply(d).normalize(), ephemeral, p);
    byte[] plain = null;
    try {
      plain =
          cipher(Cipher.DECRYPT_MODE, aesKey, sealed.nonce().toArray(), id)
              .doFinal(sealed.ciphertext().toArray());
      long value = ByteBuffer.wrap(plain).getLong();
      return Opening.of(value, Arrays.copyOfRange(plain, 8, PLAIN_BYTES));
    } catch (AEADBadTagException e) {
      throw new DataSharingException(
          "the sealed opening does not decrypt: wrong key, tampered, or another attestation's", e);
    } catch (GeneralSecurityException e) {
      throw new DataSharingException("opening the sealed opening failed", e);
    } catch (ZkException e) {
      throw new DataSharingException("the decrypted opening is not a valid opening", e);
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
      Arrays.fill(aesKey, (byte) 0);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce, AttestationId id)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    c.updateAAD(LABEL);
    c.updateAAD(id.value().toArray());
    return c;
  }

  private static byte[] deriveKey(ECPoint shared, ECPoint ephemeral, ECPoint recipient) {
    if (shared.isInfinity()) {
      throw new DataSharingException("degenerate shared secret");
    }
    byte[] z = shared.getAffineXCoord().getEncoded();
    byte[] salt =
        Bytes.concat(Bytes.of(ephemeral.getEncoded(true)), Bytes.of(recipient.getEncoded(true)))
            .toArray();
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(z, salt, LABEL));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, out.length);
    Arrays.fill(z, (byte) 0);
    return out;
  }

  private static ECPoint point(Secp256k1PublicKey key) {
    byte[] sec1 = new byte[65];
    sec1[0] = 0x04;
    key.toBytes().copyTo(sec1, 1);
    return CURVE.getCurve().decodePoint(sec1).normalize();
  }

  private static ECPoint decodeEphemeral(Bytes compressed) {
    try {
      ECPoint e = CURVE.getCurve().decodePoint(compressed.toArray()).normalize();
      if (e.isInfinity() || !e.isValid()) {
        throw new DataSharingException("the sealed opening's ephemeral key is not a valid point");
      }
      return e;
    } catch (IllegalArgumentException e) {
      throw new DataSharingException("the sealed opening's ephemeral key is not on secp256k1", e);
    }
  }

  private static BigInteger scalar(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    BigInteger n = CURVE.getN();
    while (true) {
      BigInteger k = new BigInteger(256, random);
      if (k.signum() > 0 && k.compareTo(n) < 0) {
        return k;
      }
    }
  }
}
