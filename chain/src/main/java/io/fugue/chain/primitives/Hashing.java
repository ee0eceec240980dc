package io.fugue.chain.primitives;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The two hash functions of the chain: Ethereum's keccak-256 (the original Keccak padding, not NIST
 * SHA3-256) for everything the ledger commits to, and SHA-256 where a standard asks for it.
 */
public final class Hashing {
  private Hashing() {}

  public static Hash32 keccak256(byte[] data) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[Hash32.SIZE];
    digest.doFinal(out, 0);
    return Hash32.wrapOwned(out);
  }

  public static Hash32 keccak256(Bytes data) {
    return keccak256(data.toArray());
  }

  /** keccak-256 over the concatenation of {@code parts}, without building the concatenation. */
  public static Hash32 keccak256(Bytes... parts) {
    KeccakDigest digest = new KeccakDigest(256);
    for (Bytes p : parts) {
      byte[] a = p.toArray();
      digest.update(a, 0, a.length);
    }
    byte[] out = new byte[Hash32.SIZE];
    digest.doFinal(out, 0);
    return Hash32.wrapOwned(out);
  }

  public static Hash32 sha256(byte[] data) {
    try {
      return Hash32.wrapOwned(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest javadoc).
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  public static Hash32 sha256(Bytes data) {
    return sha256(data.toArray());
  }
}
