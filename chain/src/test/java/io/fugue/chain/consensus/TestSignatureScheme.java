package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fast deterministic stand-in for BLS in simulations, exactly as strict about what it accepts: a
 * signature is HMAC-SHA256 of the message under the member's secret, stretched to 96 bytes; an
 * aggregate is the XOR of its parts and verifies only against the XOR recomputed for exactly the
 * claimed signer set. Forging a signature or adding a non-signer to a bitmap requires a secret the
 * forger does not hold. Verification looks secrets up in this registry, which only a test can do.
 */
final class TestSignatureScheme implements SignatureScheme {
  private final Map<ValidatorKey, byte[]> secrets = new HashMap<>();

  record KeySet(List<ValidatorKey> keys) implements AggregateKey {}

  /** Creates a member key from a seed and registers it. */
  ConsensusSigner newSigner(long seed) {
    byte[] secret = sha256(ByteBuffer.allocate(12).putInt(0x5EC2E7).putLong(seed).array());
    byte[] pk = new byte[ValidatorKey.SIZE];
    byte[] a = sha256(concat(new byte[] {1}, secret));
    byte[] b = sha256(concat(new byte[] {2}, secret));
    System.arraycopy(a, 0, pk, 0, 32);
    System.arraycopy(b, 0, pk, 32, 16);
    ValidatorKey key = new ValidatorKey(Bytes.of(pk));
    secrets.put(key, secret);
    return new ConsensusSigner() {
      @Override
      public ValidatorKey publicKey() {
        return key;
      }

      @Override
      public ValidatorSignature sign(Bytes message) {
        return new ValidatorSignature(Bytes.of(rawSign(secret, message)));
      }
    };
  }

  @Override
  public boolean verify(ValidatorKey key, Bytes message, ValidatorSignature signature) {
    byte[] secret = secrets.get(key);
    return secret != null && Bytes.of(rawSign(secret, message)).equals(signature.bytes());
  }

  @Override
  public ValidatorSignature aggregate(List<ValidatorSignature> signatures) {
    byte[] acc = new byte[ValidatorSignature.SIZE];
    for (ValidatorSignature s : signatures) {
      xorInto(acc, s.bytes().toArray());
    }
    return new ValidatorSignature(Bytes.of(acc));
  }

  @Override
  public AggregateKey aggregateKeys(List<ValidatorKey> keys) {
    return new KeySet(List.copyOf(keys));
  }

  @Override
  public boolean verifyAggregate(AggregateKey key, Bytes message, ValidatorSignature aggregate) {
    if (!(key instanceof KeySet set) || set.keys().isEmpty()) {
      return false;
    }
    byte[] acc = new byte[ValidatorSignature.SIZE];
    for (ValidatorKey k : set.keys()) {
      byte[] secret = secrets.get(k);
      if (secret == null) {
        return false;
      }
      xorInto(acc, rawSign(secret, message));
    }
    return Bytes.of(acc).equals(aggregate.bytes());
  }

  private static byte[] rawSign(byte[] secret, Bytes message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] out = new byte[ValidatorSignature.SIZE];
      byte[] msg = message.toArray();
      for (int i = 0; i < 3; i++) {
        mac.update((byte) i);
        mac.update(msg);
        System.arraycopy(mac.doFinal(), 0, out, 32 * i, 32);
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void xorInto(byte[] acc, byte[] b) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] ^= b[i];
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
