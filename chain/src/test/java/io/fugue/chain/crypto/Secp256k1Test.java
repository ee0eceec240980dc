package io.fugue.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  // web3.js documentation, eth.accounts.sign('Some data', key): a public test key whose
  // personal-message hash and signature (v = 0x1c, so recovery id 1) are published.
  private static final Secp256k1PrivateKey DOC_KEY =
      Secp256k1PrivateKey.fromBytes(
          Bytes.fromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
  private static final Hash32 DOC_HASH =
      Hash32.fromHex("1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655");
  private static final Bytes DOC_SIG =
      Bytes.fromHex(
          "b91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd"
              + "6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a029"
              + "01");
  private static final Address DOC_ADDRESS =
      Address.fromHex("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");

  @Test
  void shouldReproduceThePublishedDeterministicSignature() {
    assertThat(DOC_KEY.address()).isEqualTo(DOC_ADDRESS);
    assertThat(DOC_KEY.sign(DOC_HASH).toBytes()).isEqualTo(DOC_SIG);
  }

  @Test
  void shouldRecoverThePublishedSigner() {
    Secp256k1Signature sig = Secp256k1Signature.fromBytes(DOC_SIG);
    assertThat(Secp256k1.recoverAddress(DOC_HASH, sig)).contains(DOC_ADDRESS);
    assertThat(Secp256k1.verify(DOC_HASH, sig, DOC_KEY.publicKey())).isTrue();
  }

  @Test
  void shouldRecoverSignerOfRandomKeysAndAlwaysProduceLowS() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 50; i++) {
      Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(random);
      Hash32 digest = Hashing.keccak256(Bytes.of((byte) i));
      Secp256k1Signature sig = key.sign(digest);
      assertThat(sig.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
      assertThat(Secp256k1.recoverAddress(digest, sig)).contains(key.address());
    }
  }

  @Test
  void shouldRejectHighS() {
    Secp256k1Signature low = Secp256k1Signature.fromBytes(DOC_SIG);
    BigInteger highS = Secp256k1.N.subtract(low.s());
    byte[] raw = DOC_SIG.toArray();
    byte[] s = highS.toByteArray();
    System.arraycopy(s, s.length - 32, raw, 32, 32);
    raw[64] = 0; // the malleated twin flips the recovery id
    assertThatThrownBy(() -> Secp256k1Signature.fromBytes(Bytes.of(raw)))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("low-s");
  }

  @Test
  void shouldRecoverAnotherSignerForTamperedDigest() {
    Secp256k1Signature sig = DOC_KEY.sign(DOC_HASH);
    Hash32 tampered = Hashing.keccak256(DOC_HASH.toBytes());
    assertThat(Secp256k1.recoverAddress(tampered, sig))
        .isNotEqualTo(java.util.Optional.of(DOC_ADDRESS));
    assertThat(Secp256k1.verify(tampered, sig, DOC_KEY.publicKey())).isFalse();
  }

  @Test
  void shouldRejectMalformedSignatures() {
    assertThatThrownBy(() -> Secp256k1Signature.fromBytes(Bytes.of(new byte[64])))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Secp256k1Signature.fromBytes(Bytes.of(new byte[65])))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("r");
    byte[] badV = DOC_SIG.toArray();
    badV[64] = 27;
    assertThatThrownBy(() -> Secp256k1Signature.fromBytes(Bytes.of(badV)))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("recovery id");
  }

  @Test
  void shouldReturnEmptyWhenRNamesNoCurvePoint() {
    // Scan small r values for one that is not the x of any curve point (about half are not).
    boolean sawEmpty = false;
    for (int r = 1; r < 40 && !sawEmpty; r++) {
      Secp256k1Signature sig = new Secp256k1Signature(BigInteger.valueOf(r), BigInteger.ONE, 0);
      sawEmpty = Secp256k1.recover(DOC_HASH, sig).isEmpty();
    }
    assertThat(sawEmpty).isTrue();
  }

  @Test
  void shouldRejectPrivateKeysOutOfRange() {
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(Bytes.of(new byte[32])))
        .isInstanceOf(CryptoException.class);
    byte[] n = Secp256k1.N.toByteArray();
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(Bytes.of(n, n.length - 32, 32)))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void shouldRoundTripKeysAndRejectOffCurvePublicKey() {
    assertThat(Secp256k1PrivateKey.fromBytes(DOC_KEY.toBytes())).isEqualTo(DOC_KEY);
    Bytes pk = DOC_KEY.publicKey().toBytes();
    assertThat(Secp256k1PublicKey.fromBytes(pk)).isEqualTo(DOC_KEY.publicKey());
    byte[] off = pk.toArray();
    off[63] ^= 1;
    assertThatThrownBy(() -> Secp256k1PublicKey.fromBytes(Bytes.of(off)))
        .isInstanceOf(CryptoException.class);
    assertThat(DOC_KEY.toString()).doesNotContain(DOC_KEY.toBytes().toHex());
  }
}
