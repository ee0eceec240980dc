package io.fugue.zk.oprf;

import io.fugue.nativelib.NativeOprf;
import io.fugue.nativelib.NativeZk;
import java.util.Arrays;

/** A server key skS and its public key pkS = skS·G. The secret never appears in toString. */
public final class OprfKeyPair {
  private final byte[] secretKey;
  private final byte[] publicKey;

  private OprfKeyPair(byte[] secretKey, byte[] publicKey) {
    this.secretKey = secretKey;
    this.publicKey = publicKey;
  }

  /** RFC 9497 DeriveKeyPair(seed, info) for the VOPRF ristretto255-SHA512 suite. */
  public static OprfKeyPair derive(byte[] seed, byte[] info) {
    byte[] both = Oprf.call(() -> NativeOprf.deriveKeyPair(seed, info));
    return new OprfKeyPair(Arrays.copyOf(both, 32), Arrays.copyOfRange(both, 32, 64));
  }

  /** A fresh random key. */
  public static OprfKeyPair generate() {
    return fromSecret(Oprf.call(NativeZk::randomScalar));
  }

  /** The key pair of a canonical non-zero scalar (a whole key or a key share). */
  public static OprfKeyPair fromSecret(byte[] secretKey) {
    byte[] pk = Oprf.call(() -> NativeOprf.baseMul(secretKey));
    if (Arrays.equals(secretKey, new byte[32])) {
      throw new OprfException("secret key must not be zero");
    }
    return new OprfKeyPair(secretKey.clone(), pk);
  }

  /** A copy of skS. */
  public byte[] secretKey() {
    return secretKey.clone();
  }

  /** A copy of pkS. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public String toString() {
    return "OprfKeyPair[publicKey=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
  }
}
