package io.fugue.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Hostile key and signature bytes get a CryptoException or a valid value, never a crash. */
class DecodingRobustnessPropertiesTest {
  private static final BlsSecretKey KEY = BlsTest.key(42);
  private static final Bytes PK = KEY.publicKey().toBytes();
  private static final Bytes SIG = KEY.sign(Bytes.of((byte) 1)).toBytes();

  @Property(tries = 500)
  void randomBlsPublicKeyBytesAreRejectedOrValid(@ForAll @Size(48) byte[] raw) {
    try {
      BlsPublicKey pk = BlsPublicKey.fromBytes(Bytes.of(raw));
      assertThat(pk.toBytes()).isEqualTo(Bytes.of(raw));
    } catch (CryptoException expected) {
      // rejected with a reason
    }
  }

  @Property(tries = 300)
  void randomBlsSignatureBytesAreRejectedOrValid(@ForAll @Size(96) byte[] raw) {
    try {
      BlsSignature sig = BlsSignature.fromBytes(Bytes.of(raw));
      assertThat(sig.verify(KEY.publicKey(), Bytes.of((byte) 1))).isFalse();
    } catch (CryptoException expected) {
      // rejected with a reason
    }
  }

  @Property(tries = 500)
  void flippedBitsInValidEncodingsNeverVerify(
      @ForAll @IntRange(min = 0, max = 48 * 8 - 1) int pkBit,
      @ForAll @IntRange(min = 0, max = 96 * 8 - 1) int sigBit) {
    byte[] pk = PK.toArray();
    pk[pkBit / 8] ^= (byte) (1 << (pkBit % 8));
    byte[] sig = SIG.toArray();
    sig[sigBit / 8] ^= (byte) (1 << (sigBit % 8));
    try {
      assertThat(BlsSignature.fromBytes(Bytes.of(sig)).verify(KEY.publicKey(), Bytes.of((byte) 1)))
          .isFalse();
    } catch (CryptoException expected) {
      // rejected on decode
    }
    try {
      assertThat(
              BlsSignature.fromBytes(SIG)
                  .verify(BlsPublicKey.fromBytes(Bytes.of(pk)), Bytes.of((byte) 1)))
          .isFalse();
    } catch (CryptoException expected) {
      // rejected on decode
    }
  }

  @Property(tries = 500)
  void randomSecp256k1SignaturesAreRejectedOrRecoverSomethingElse(@ForAll @Size(65) byte[] raw) {
    raw[64] &= 1;
    try {
      Secp256k1Signature sig = Secp256k1Signature.fromBytes(Bytes.of(raw));
      assertThat(Secp256k1.recoverAddress(Hashing.keccak256(Bytes.of(raw)), sig))
          .isNotEqualTo(java.util.Optional.of(KeyFixtures.SECP.address()));
    } catch (CryptoException expected) {
      // high s or out of range
    }
  }

  @Property(tries = 300)
  void randomSecp256k1PublicKeysAreRejectedOrOnTheCurve(@ForAll @Size(64) byte[] raw) {
    try {
      Secp256k1PublicKey.fromBytes(Bytes.of(raw));
    } catch (CryptoException expected) {
      return;
    }
    // Random bytes land on the curve with negligible probability.
    throw new AssertionError("accepted a random point");
  }

  /** A fixed account key. */
  static final class KeyFixtures {
    static final Secp256k1PrivateKey SECP =
        Secp256k1PrivateKey.fromBytes(
            Bytes.fromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));

    private KeyFixtures() {}
  }
}
