package io.fugue.api.support;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import io.fugue.api.port.SignatureVerifier;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * A stand-in for the chain's secp256k1 account keys, built on the JDK's Ed25519: the address is the
 * first 20 bytes of SHA-256 of the encoded public key, and a "signature" is the X.509-encoded
 * public key (44 bytes) followed by the 64-byte Ed25519 signature, so the verifier recovers the key
 * from the signature and checks it belongs to the address, as secp256k1 recovery would.
 */
public final class TestKeys {
  private static final int KEY_LEN = 44;

  private TestKeys() {}

  /** One test account. */
  public record Account(KeyPair keys, AccountAddress address) {
    public HexBytes sign(byte[] message) {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(message);
        byte[] sig = s.sign();
        byte[] pub = keys.getPublic().getEncoded();
        byte[] out = Arrays.copyOf(pub, pub.length + sig.length);
        System.arraycopy(sig, 0, out, pub.length, sig.length);
        return HexBytes.of(out);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static Account newAccount() {
    try {
      KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new Account(kp, addressOf(kp.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SignatureVerifier verifier() {
    return (address, message, signature) -> {
      byte[] sig = signature.toArray();
      if (sig.length != KEY_LEN + 64) {
        return false;
      }
      byte[] pub = Arrays.copyOf(sig, KEY_LEN);
      if (!addressOf(pub).equals(address)) {
        return false;
      }
      try {
        PublicKey key =
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pub));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(message);
        return s.verify(Arrays.copyOfRange(sig, KEY_LEN, sig.length));
      } catch (GeneralSecurityException e) {
        return false;
      }
    };
  }

  private static AccountAddress addressOf(byte[] encodedPublicKey) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(encodedPublicKey);
      return new AccountAddress(HexBytes.of(Arrays.copyOf(h, 20)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
