package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeProofIT {
  private static final TranscriptContext CTX =
      TranscriptContext.ofParts("fugue.test.v1", utf8("query-1"), utf8("att-9"), utf8("nonce"));

  private final RangeProver prover = new RangeProver();
  private final RangeVerifier verifier = new RangeVerifier();

  @Test
  void shouldProveAndVerifyAtLeastWithA672ByteProof() {
    Opening o = Opening.random(1_500_000);
    RangeProof proof = prover.atLeast(o, 1_000_000, BitSize.B64, CTX);
    assertThat(proof.size()).isEqualTo(672);
    assertThat(verifier.atLeast(o.commitment(), 1_000_000, BitSize.B64, proof, CTX).isValid())
        .isTrue();
  }

  @Test
  void shouldAcceptTheThresholdItself() {
    Opening o = Opening.random(42);
    assertThat(
            verify(
                prover.atLeast(o, 42, BitSize.B8, CTX),
                RangeStatement.atLeast(o.commitment(), 42, BitSize.B8)))
        .isTrue();
    assertThat(
            verify(
                prover.atMost(o, 42, BitSize.B8, CTX),
                RangeStatement.atMost(o.commitment(), 42, BitSize.B8)))
        .isTrue();
  }

  @Test
  void shouldNotLetAnAtLeastProofPassForAHigherThreshold() {
    Opening o = Opening.random(100);
    RangeProof proof = prover.atLeast(o, 50, BitSize.B32, CTX);
    assertThat(verify(proof, RangeStatement.atLeast(o.commitment(), 101, BitSize.B32))).isFalse();
    assertThat(verify(proof, RangeStatement.atLeast(o.commitment(), 50, BitSize.B32))).isTrue();
  }

  @Test
  void shouldProveAtMostAndBetween() {
    Opening o = Opening.random(30);
    RangeProof atMost = prover.atMost(o, 40, BitSize.B16, CTX);
    assertThat(verifier.atMost(o.commitment(), 40, BitSize.B16, atMost, CTX).isValid()).isTrue();
    RangeProof between = prover.between(o, 18, 65, BitSize.B16, CTX);
    assertThat(between.values()).isEqualTo(2);
    assertThat(between.size()).isEqualTo(RangeProof.length(BitSize.B16, 2));
    assertThat(verifier.between(o.commitment(), 18, 65, BitSize.B16, between, CTX).isValid())
        .isTrue();
    assertThat(verifier.between(o.commitment(), 18, 64, BitSize.B16, between, CTX).isValid())
        .isFalse();
  }

  @Test
  void shouldProveASumOverSeveralCommitments() {
    List<Opening> accounts =
        List.of(Opening.random(400_000), Opening.random(350_000), Opening.random(300_000));
    List<Commitment> cs = accounts.stream().map(Opening::commitment).toList();
    RangeProof proof = prover.sumAtLeast(accounts, 1_000_000, BitSize.B64, CTX);
    assertThat(verifier.sumAtLeast(cs, 1_000_000, BitSize.B64, proof, CTX).isValid()).isTrue();
    assertThat(verifier.sumAtLeast(cs.subList(0, 2), 1_000_000, BitSize.B64, proof, CTX).isValid())
        .isFalse();
  }

  @Test
  void shouldSumValuesWhoseTotalExceedsALong() {
    List<Opening> big = List.of(Opening.random(Long.MAX_VALUE), Opening.random(Long.MAX_VALUE));
    RangeProof proof = prover.sumAtLeast(big, Long.MAX_VALUE, BitSize.B64, CTX);
    assertThat(
            verifier
                .sumAtLeast(
                    big.stream().map(Opening::commitment).toList(),
                    Long.MAX_VALUE,
                    BitSize.B64,
                    proof,
                    CTX)
                .isValid())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 8, 16, 32, 64})
  void shouldAggregateUpTo64Values(int m) {
    List<Opening> os = IntStream.range(0, m).mapToObj(i -> Opening.random(i * 1000L)).toList();
    RangeProof proof = prover.allInRange(os, BitSize.B32, CTX);
    assertThat(proof.values()).isEqualTo(m);
    List<Commitment> cs = os.stream().map(Opening::commitment).toList();
    assertThat(verifier.allInRange(cs, BitSize.B32, proof, CTX).isValid()).isTrue();
  }

  @Test
  void shouldRefuseAtLeastWhenTheValueIsBelowTheThresholdInsteadOfUnderflowing() {
    Opening o = Opening.random(999_999);
    assertThatThrownBy(() -> prover.atLeast(o, 1_000_000, BitSize.B64, CTX))
        .isInstanceOf(ZkException.class)
        .hasMessageStartingWith("refused: the predicate is false");
  }

  @Test
  void shouldAnswerAFalsePredicateWithARefusalValueNotAnException() {
    Opening o = Opening.random(50);
    ProofResult r =
        prover.prove(RangeStatement.atLeast(o.commitment(), 51, BitSize.B64), List.of(o), CTX);
    assertThat(r)
        .isEqualTo(new ProofResult.Refused("the predicate is false for the committed value(s)"));
    ProofResult fits =
        prover.prove(
            RangeStatement.allInRange(List.of(o.commitment()), BitSize.B8), List.of(o), CTX);
    assertThat(fits).isInstanceOf(ProofResult.Proven.class);
    Opening big = Opening.random(256);
    ProofResult tooBig =
        prover.prove(
            RangeStatement.allInRange(List.of(big.commitment()), BitSize.B8), List.of(big), CTX);
    assertThat(tooBig).isEqualTo(new ProofResult.Refused("derived value 0 does not fit in 8 bits"));
  }

  @Test
  void shouldRefuseEveryFalsePredicate() {
    Opening o = Opening.random(50);
    assertRefused(() -> prover.atMost(o, 49, BitSize.B64, CTX));
    assertRefused(() -> prover.between(o, 51, 60, BitSize.B64, CTX));
    assertRefused(() -> prover.between(o, 10, 49, BitSize.B64, CTX));
    assertRefused(() -> prover.sumAtLeast(List.of(o, Opening.random(10)), 61, BitSize.B64, CTX));
  }

  @Test
  void shouldRefuseValuesThatDoNotFitTheBitSize() {
    assertRefused(() -> prover.allInRange(List.of(Opening.random(256)), BitSize.B8, CTX));
    assertRefused(() -> prover.atLeast(Opening.random(1L << 40), 0, BitSize.B32, CTX));
    assertRefused(() -> prover.between(Opening.random(300), 0, 300, BitSize.B8, CTX));
  }

  @Test
  void shouldRefuseAnOpeningThatDoesNotOpenTheStatementsCommitment() {
    Opening mine = Opening.random(10);
    Opening other = Opening.random(10);
    RangeStatement s = RangeStatement.atLeast(other.commitment(), 5, BitSize.B8);
    assertThatThrownBy(() -> prover.prove(s, List.of(mine), CTX))
        .isInstanceOf(ZkException.class)
        .hasMessage("opening 0 does not open commitment 0");
  }

  @Test
  void shouldRejectAProofUnderAnotherContextOrForAnotherStatement() {
    Opening o = Opening.random(70);
    RangeProof proof = prover.atLeast(o, 18, BitSize.B8, CTX);
    TranscriptContext replay =
        TranscriptContext.ofParts("fugue.test.v1", utf8("query-2"), utf8("att-9"), utf8("nonce"));
    Verification v = verifier.atLeast(o.commitment(), 18, BitSize.B8, proof, replay);
    assertThat(v).isInstanceOf(Verification.Invalid.class);
    assertThat(((Verification.Invalid) v).reason()).contains("does not verify");
    assertThat(
            verifier.atLeast(Opening.random(70).commitment(), 18, BitSize.B8, proof, CTX).isValid())
        .isFalse();
    // Same derived commitment, other statement: the statement binding makes it fail.
    RangeStatement shifted = RangeStatement.allInRange(List.of(derived(o, 18)), BitSize.B8);
    assertThat(verify(proof, shifted)).isFalse();
  }

  @Test
  void shouldRejectAProofWhoseShapeDoesNotMatchTheStatement() {
    Opening o = Opening.random(5);
    RangeProof proof = prover.atLeast(o, 1, BitSize.B8, CTX);
    Verification v = verifier.atLeast(o.commitment(), 1, BitSize.B16, proof, CTX);
    assertThat(v)
        .isEqualTo(Verification.invalid("proof is for n=8, m=1 but the statement needs n=16, m=1"));
  }

  @Test
  void shouldNeverPutTheBlindingOrValueInToString() {
    Opening o = Opening.random(123_456_789);
    String hex = java.util.HexFormat.of().formatHex(o.blinding());
    assertThat(o.toString())
        .doesNotContain(hex)
        .doesNotContain("123456789")
        .contains(o.commitment().toHex());
  }

  @Test
  void shouldRefuseToUseAWipedOpening() {
    Opening o = Opening.random(7);
    byte[] before = o.blinding();
    o.close();
    assertThat(o.isWiped()).isTrue();
    assertThat(before).isNotEqualTo(new byte[32]);
    assertThatThrownBy(() -> prover.atLeast(o, 1, BitSize.B8, CTX))
        .isInstanceOf(ZkException.class)
        .hasMessage("opening was wiped");
    assertThatThrownBy(o::blinding).isInstanceOf(ZkException.class);
  }

  @Test
  void shouldRecreateTheSameCommitmentFromAStoredOpening() {
    Opening o = Opening.random(77);
    Opening again = Opening.of(77, o.blinding());
    assertThat(again.commitment()).isEqualTo(o.commitment());
    assertThat(Commitment.of(o.commitment().toBytes())).isEqualTo(o.commitment());
  }

  @Test
  void shouldDeriveTheSameBlindingFromTheSameUniformBytes() {
    byte[] seed = new byte[64];
    java.util.Arrays.fill(seed, (byte) 0xab);
    Opening a = Opening.fromUniformBytes(9, seed);
    assertThat(Opening.fromUniformBytes(9, seed).commitment()).isEqualTo(a.commitment());
    seed[0] = 0;
    assertThat(Opening.fromUniformBytes(9, seed).commitment()).isNotEqualTo(a.commitment());
    assertThatThrownBy(() -> Opening.fromUniformBytes(9, new byte[32]))
        .isInstanceOf(ZkException.class)
        .hasMessage("uniform bytes must be 64 bytes, got 32");
  }

  private boolean verify(RangeProof proof, RangeStatement s) {
    return verifier.verify(s, proof, CTX).isValid();
  }

  private static Commitment derived(Opening o, long t) {
    byte[] d =
        io.fugue.nativelib.NativeZk.pointSub(
            o.commitment().toBytes(), io.fugue.nativelib.NativeZk.mulBase(t));
    return Commitment.of(d);
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(ZkException.class).hasMessageStartingWith("refused:");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<Opening> openings(int m) {
    List<Opening> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      out.add(Opening.random(i));
    }
    return out;
  }
}
