package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.nativelib.NativeException;
import io.fugue.nativelib.NativeZk;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputIT {
  private static final TranscriptContext CTX =
      TranscriptContext.of("fugue.test.v1", new byte[] {1});
  private static final byte[] NON_CANONICAL = filled(32, 0xff);

  private final RangeProver prover = new RangeProver();
  private final RangeVerifier verifier = new RangeVerifier();

  @Test
  void shouldRejectCommitmentsOfTheWrongLengthOrNull() {
    assertThatThrownBy(() -> Commitment.of(new byte[31]))
        .isInstanceOf(ZkException.class)
        .hasMessage("commitment must be 32 bytes, got 31");
    assertThatThrownBy(() -> Commitment.of(new byte[0])).isInstanceOf(ZkException.class);
    assertThatThrownBy(() -> Commitment.of(null))
        .isInstanceOf(ZkException.class)
        .hasMessage("commitment must not be null");
    assertThatThrownBy(() -> Commitment.fromHex("zz")).isInstanceOf(ZkException.class);
  }

  @Test
  void shouldRejectNonCanonicalPoints() {
    byte[] negative = new byte[32];
    negative[0] = 1; // an odd s is a non-canonical ristretto encoding
    for (byte[] bad : List.of(NON_CANONICAL, negative)) {
      assertThatThrownBy(() -> Commitment.of(bad))
          .isInstanceOf(ZkException.class)
          .hasMessage("commitment is not a canonical ristretto255 point")
          .hasCauseInstanceOf(ZkException.class)
          .hasRootCauseInstanceOf(NativeException.class);
    }
    assertThatThrownBy(() -> NativeZk.pointAdd(NON_CANONICAL, NativeZk.mulBase(1)))
        .isInstanceOf(NativeException.class)
        .hasMessage("invalid argument: p is not a canonical ristretto255 point");
  }

  @Test
  void shouldRejectNonCanonicalOrMisSizedScalars() {
    assertThatThrownBy(() -> Opening.of(1, NON_CANONICAL))
        .isInstanceOf(ZkException.class)
        .hasMessage("invalid argument: blinding is not a canonical scalar")
        .hasCauseInstanceOf(NativeException.class);
    assertThatThrownBy(() -> Opening.of(1, new byte[33]))
        .isInstanceOf(ZkException.class)
        .hasMessage("blinding must be 32 bytes, got 33");
    assertThatThrownBy(() -> Opening.of(1, null)).isInstanceOf(ZkException.class);
    assertThatThrownBy(() -> Opening.of(-1, new byte[32]))
        .isInstanceOf(ZkException.class)
        .hasMessage("value must be non-negative");
    assertThatThrownBy(() -> NativeZk.scalarFromUniformBytes(new byte[63]))
        .isInstanceOf(NativeException.class)
        .hasMessage("uniform bytes must be 64 bytes, got 63");
    assertThatThrownBy(() -> NativeZk.scalarAdd(NON_CANONICAL, new byte[32]))
        .isInstanceOf(NativeException.class)
        .hasMessage("invalid argument: a is not a canonical scalar");
  }

  @Test
  void shouldRejectNullAndEmptyArraysAtTheFacade() {
    assertThatThrownBy(() -> NativeZk.commit(1, null))
        .isInstanceOf(NativeException.class)
        .hasMessage("blinding must not be null");
    assertThatThrownBy(
            () ->
                NativeZk.prove(new long[0], new byte[0], 8, new byte[1], new byte[0], new byte[0]))
        .isInstanceOf(NativeException.class)
        .hasMessageContaining("power of two from 1 to 64, got 0");
    assertThatThrownBy(
            () ->
                NativeZk.verify(
                    new byte[480], new byte[0], 8, new byte[1], new byte[0], new byte[0]))
        .isInstanceOf(NativeException.class)
        .hasMessage("commitments must be a non-empty multiple of 32 bytes, got 0");
    assertThatThrownBy(
            () -> NativeZk.verify(null, new byte[32], 8, new byte[1], new byte[0], new byte[0]))
        .isInstanceOf(NativeException.class)
        .hasMessage("proof must not be null");
    assertThatThrownBy(
            () ->
                NativeZk.verify(
                    new byte[480], new byte[32], 8, new byte[0], new byte[0], new byte[0]))
        .isInstanceOf(NativeException.class)
        .hasMessage("label must be 1 to 256 bytes, got 0");
  }

  @Test
  void shouldRejectBitSizesAndValueCountsOutsideTheAllowedSets() {
    assertThatThrownBy(
            () ->
                NativeZk.prove(
                    new long[] {1}, new byte[32], 12, new byte[1], new byte[0], new byte[0]))
        .isInstanceOf(NativeException.class)
        .hasMessage("bit size n must be 8, 16, 32 or 64, got 12");
    List<Commitment> three = Collections.nCopies(3, Opening.random(1).commitment());
    assertThatThrownBy(() -> RangeStatement.allInRange(three, BitSize.B8))
        .isInstanceOf(ZkException.class)
        .hasMessage("the number of values m must be a power of two from 1 to 64, got 3");
    List<Commitment> many = Collections.nCopies(65, Opening.random(1).commitment());
    assertThatThrownBy(() -> RangeStatement.allInRange(many, BitSize.B8))
        .isInstanceOf(ZkException.class)
        .hasMessage("at most 64 commitments, got 65");
    assertThatThrownBy(() -> RangeStatement.allInRange(List.of(), BitSize.B8))
        .isInstanceOf(ZkException.class);
    assertThatThrownBy(
            () -> RangeStatement.between(Opening.random(1).commitment(), 5, 4, BitSize.B8))
        .isInstanceOf(ZkException.class)
        .hasMessage("lower bound must not exceed upper bound");
    assertThatThrownBy(() -> RangeStatement.atLeast(Opening.random(1).commitment(), -1, BitSize.B8))
        .isInstanceOf(ZkException.class)
        .hasMessage("threshold must be non-negative, got -1");
  }

  @Test
  void shouldRefuseOutOfRangeValuesAtTheFacade() {
    assertThatThrownBy(
            () ->
                NativeZk.prove(
                    new long[] {256}, new byte[32], 8, new byte[1], new byte[0], new byte[0]))
        .isInstanceOf(NativeException.class)
        .hasMessage("refused: value[0] does not fit in 8 bits");
    // -1 is 2^64 - 1 unsigned: fits 64 bits, not 32.
    assertThatThrownBy(
            () ->
                NativeZk.prove(
                    new long[] {-1}, new byte[32], 32, new byte[1], new byte[0], new byte[0]))
        .isInstanceOf(NativeException.class);
  }

  @Test
  void shouldRejectEverySingleTamperedByteOfA64BitProof() {
    Opening o = Opening.random(1234);
    RangeProof proof = prover.atLeast(o, 1000, BitSize.B64, CTX);
    byte[] bytes = proof.toBytes();
    for (int i = 0; i < bytes.length; i++) {
      byte[] bad = bytes.clone();
      bad[i] ^= (byte) (1 << (i % 8));
      Verification v =
          verifier.atLeast(o.commitment(), 1000, BitSize.B64, RangeProof.of(bad, 64, 1), CTX);
      assertThat(v).as("byte %d", i).isInstanceOf(Verification.Invalid.class);
      assertThatThrownBy(v::orThrow).isInstanceOf(ZkException.class);
    }
    assertThat(verifier.atLeast(o.commitment(), 1000, BitSize.B64, proof, CTX).isValid()).isTrue();
  }

  @Test
  void shouldExplainWhichPartOfAProofIsMalformed() {
    Opening o = Opening.random(3);
    byte[] bytes = prover.atLeast(o, 1, BitSize.B64, CTX).toBytes();
    byte[] badScalar = bytes.clone();
    badScalar[4 * 32 + 31] = (byte) 0xff;
    assertThat(reason(o, badScalar)).isEqualTo("proof scalar at byte 128 is not canonical");
    byte[] badPoint = bytes.clone();
    System.arraycopy(NON_CANONICAL, 0, badPoint, 32, 32);
    assertThat(reason(o, badPoint))
        .isEqualTo("proof point at byte 32 is not a canonical ristretto255 point");
    byte[] identity = bytes.clone();
    Arrays.fill(identity, 0, 32, (byte) 0);
    assertThat(reason(o, identity)).isEqualTo("proof point at byte 0 is the identity");
  }

  @Test
  void shouldRejectBatchArraysOfDifferentLengths() {
    assertThatThrownBy(
            () ->
                NativeZk.batchVerify(
                    new byte[2][],
                    new byte[1][],
                    new int[2],
                    new byte[2][],
                    new byte[2][],
                    new byte[2][]))
        .isInstanceOf(NativeException.class)
        .hasMessage("2 proofs need 2 commitments, got 1");
    assertThatThrownBy(() -> verifier.verifyAll(null)).isInstanceOf(ZkException.class);
  }

  private String reason(Opening o, byte[] proof) {
    Verification v =
        verifier.atLeast(o.commitment(), 1, BitSize.B64, RangeProof.of(proof, 64, 1), CTX);
    return ((Verification.Invalid) v).reason();
  }

  private static byte[] filled(int n, int b) {
    byte[] out = new byte[n];
    Arrays.fill(out, (byte) b);
    return out;
  }
}
