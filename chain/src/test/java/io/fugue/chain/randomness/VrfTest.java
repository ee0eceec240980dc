package io.fugue.chain.randomness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VrfTest {
  private static final Hash32 PARENT = Hashing.keccak256(Bytes.of((byte) 1));

  private static BlsSecretKey key(int i) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) i);
    return BlsSecretKey.fromSeed(seed);
  }

  @Test
  void shouldVerifyAnHonestProofAndReturnItsOutput() {
    Vrf.Evaluation ev = Vrf.prove(key(1), PARENT);
    assertThat(ev.encoded().size()).isEqualTo(Vrf.PROOF_SIZE);
    assertThat(Vrf.verify(key(1).publicKey(), PARENT, ev.encoded())).contains(ev.output());
    assertThat(ev.output()).isEqualTo(Vrf.output(ev.proof()));
  }

  @Test
  void shouldBeDeterministic() {
    assertThat(Vrf.prove(key(1), PARENT)).isEqualTo(Vrf.prove(key(1), PARENT));
    assertThat(Vrf.prove(key(1), PARENT).output()).isNotEqualTo(Vrf.prove(key(2), PARENT).output());
  }

  @Test
  void shouldRejectAnotherKey() {
    Vrf.Evaluation ev = Vrf.prove(key(1), PARENT);
    assertThat(Vrf.verify(key(2).publicKey(), PARENT, ev.encoded())).isEmpty();
  }

  @Test
  void shouldRejectAnotherParent() {
    Vrf.Evaluation ev = Vrf.prove(key(1), PARENT);
    assertThat(Vrf.verify(key(1).publicKey(), Hash32.ZERO, ev.encoded())).isEmpty();
  }

  @Test
  void shouldRejectMissingTruncatedAndTamperedProofs() {
    Bytes good = Vrf.prove(key(1), PARENT).encoded();
    assertThat(Vrf.verify(key(1).publicKey(), PARENT, Bytes.EMPTY)).isEmpty();
    assertThat(Vrf.verify(key(1).publicKey(), PARENT, good.slice(0, 95))).isEmpty();
    for (int i : new int[] {0, 1, 47, 95}) {
      byte[] b = good.toArray();
      b[i] ^= 0x01;
      assertThat(Vrf.verify(key(1).publicKey(), PARENT, Bytes.of(b))).as("byte %d", i).isEmpty();
    }
  }

  @Test
  void shouldNotAcceptAPlainSignatureOfTheParentHash() {
    Bytes plain = key(1).sign(PARENT.toBytes()).toBytes();
    assertThat(Vrf.verify(key(1).publicKey(), PARENT, plain)).isEmpty();
  }

  @Property(tries = 25)
  void shouldVerifyOnlyUnderTheProvingKeyAndParent(
      @ForAll @Size(32) byte[] seedA,
      @ForAll @Size(32) byte[] seedB,
      @ForAll @Size(32) byte[] parent,
      @ForAll int flip) {
    BlsSecretKey a = BlsSecretKey.fromSeed(seedA);
    BlsSecretKey b = BlsSecretKey.fromSeed(seedB);
    Hash32 p = Hash32.of(parent);
    Vrf.Evaluation ev = Vrf.prove(a, p);
    assertThat(Vrf.verify(a.publicKey(), p, ev.encoded())).contains(ev.output());
    if (!a.publicKey().equals(b.publicKey())) {
      assertThat(Vrf.verify(b.publicKey(), p, ev.encoded())).isEmpty();
    }
    byte[] tampered = ev.encoded().toArray();
    int bit = Math.floorMod(flip, tampered.length * 8);
    tampered[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThat(Vrf.verify(a.publicKey(), p, Bytes.of(tampered))).isEmpty();
  }
}
