package io.fugue.geofencing;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.primitives.Address;

/** Deterministic keys and accounts for unit tests. */
public final class TestKeys {
  private TestKeys() {}

  public static BlsPublicKey bls(int seed) {
    byte[] s = new byte[32];
    s[0] = (byte) seed;
    s[31] = 1;
    return BlsSecretKey.fromSeed(s).publicKey();
  }

  public static Address addr(int i) {
    byte[] b = new byte[Address.SIZE];
    b[19] = (byte) i;
    return Address.of(b);
  }
}
