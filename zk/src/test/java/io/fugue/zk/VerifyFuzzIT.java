package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of random and mutated inputs to verification: the only answers allowed are "invalid" or
 * a {@link ZkException}; never "valid", never another exception, never a crash.
 */
class VerifyFuzzIT {
  private static final TranscriptContext CTX =
      TranscriptContext.of("fugue.fuzz.v1", new byte[] {1});
  private static final RangeVerifier VERIFIER = new RangeVerifier();
  private static Opening opening;
  private static RangeProof proof;

  @BeforeContainer
  static void proveOnce() {
    opening = Opening.random(77_777);
    proof = new RangeProver().atLeast(opening, 10_000, BitSize.B32, CTX);
  }

  @Property(tries = 2000)
  void mutatedProofsAreNeverValid(@ForAll("mutations") int[] mutation) {
    byte[] bytes = proof.toBytes();
    for (int i = 0; i + 1 < mutation.length; i += 2) {
      bytes[Math.floorMod(mutation[i], bytes.length)] = (byte) mutation[i + 1];
    }
    if (java.util.Arrays.equals(bytes, proof.toBytes())) {
      return; // the mutations cancelled out: that is the genuine proof
    }
    assertOnlyInvalidOrZkException(bytes, 32, 1);
  }

  @Property(tries = 300)
  void aMutatedProofInABatchIsNeverValidAndNeverSpoilsTheGenuineOne(
      @ForAll("mutations") int[] mutation) {
    byte[] bytes = proof.toBytes();
    for (int i = 0; i + 1 < mutation.length; i += 2) {
      bytes[Math.floorMod(mutation[i], bytes.length)] = (byte) mutation[i + 1];
    }
    if (java.util.Arrays.equals(bytes, proof.toBytes())) {
      return;
    }
    RangeStatement s = RangeStatement.atLeast(opening.commitment(), 10_000, BitSize.B32);
    List<Verification> answers =
        VERIFIER.verifyAll(
            List.of(
                new ProofCheck(s, proof, CTX),
                new ProofCheck(s, RangeProof.of(bytes, 32, 1), CTX)));
    assertThat(answers.get(0).isValid()).isTrue();
    assertThat(answers.get(1)).isInstanceOf(Verification.Invalid.class);
  }

  @Property(tries = 2000)
  void randomBytesAreNeverValid(
      @ForAll("randomProofs") byte[] bytes, @ForAll("bits") int n, @ForAll("counts") int m) {
    assertOnlyInvalidOrZkException(bytes, n, m);
  }

  @Property(tries = 300)
  void randomCommitmentsAreNeverValid(@ForAll("points") byte[] point, @ForAll long threshold) {
    Verification v;
    try {
      Commitment c = Commitment.of(point);
      v = VERIFIER.atLeast(c, Math.abs(threshold % 1_000_000), BitSize.B32, proof, CTX);
    } catch (ZkException expected) {
      return;
    }
    assertThat(v.isValid()).isFalse();
  }

  private static void assertOnlyInvalidOrZkException(byte[] bytes, int n, int m) {
    Verification v;
    try {
      RangeProof p = RangeProof.of(bytes, n, m);
      RangeStatement s =
          m == 1
              ? RangeStatement.atLeast(opening.commitment(), 10_000, BitSize.of(n))
              : RangeStatement.allInRange(
                  java.util.Collections.nCopies(m, opening.commitment()), BitSize.of(n));
      v = VERIFIER.verify(s, p, CTX);
    } catch (ZkException expected) {
      return;
    }
    assertThat(v).isInstanceOf(Verification.Invalid.class);
  }

  @Provide
  Arbitrary<int[]> mutations() {
    return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofMinSize(2).ofMaxSize(16);
  }

  @Provide
  Arbitrary<byte[]> randomProofs() {
    Arbitrary<byte[]> anyLength = Arbitraries.bytes().array(byte[].class).ofMaxSize(1200);
    // Lengths that pass the size check, so the native parser and verifier see the bytes too.
    Arbitrary<byte[]> rightLength =
        Arbitraries.of(List.of(480, 544, 608, 672, 736))
            .flatMap(len -> Arbitraries.bytes().array(byte[].class).ofSize(len));
    Arbitrary<byte[]> nearlyRight =
        Combinators.combine(
                Arbitraries.integers().between(0, 200), Arbitraries.integers().between(1, 255))
            .as(
                (at, b) -> {
                  byte[] mutated = proof.toBytes();
                  mutated[at] ^= (byte) b.intValue(); // a non-zero XOR always changes the byte
                  return mutated;
                });
    return Arbitraries.oneOf(anyLength, rightLength, nearlyRight);
  }

  @Provide
  Arbitrary<Integer> bits() {
    return Arbitraries.of(8, 16, 32, 64, 0, 7, 12, -1);
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.of(1, 1, 1, 2, 3, 0, 65);
  }

  @Provide
  Arbitrary<byte[]> points() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(30).ofMaxSize(34);
  }
}
