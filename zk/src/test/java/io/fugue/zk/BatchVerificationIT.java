package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchVerificationIT {
  private final RangeProver prover = new RangeProver();
  private final RangeVerifier verifier = new RangeVerifier();

  @Test
  void shouldReportExactlyWhichProofsOfABatchFailed() {
    List<ProofCheck> checks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      TranscriptContext ctx = TranscriptContext.of("fugue.test.v1", new byte[] {(byte) i});
      Opening o = Opening.random(100 + i);
      RangeStatement s = RangeStatement.atLeast(o.commitment(), 100, BitSize.B16);
      checks.add(new ProofCheck(s, prover.prove(s, List.of(o), ctx).orElseThrow(), ctx));
    }
    ProofCheck c3 = checks.get(3);
    checks.set(3, new ProofCheck(c3.statement(), c3.proof(), checks.get(4).context()));
    ProofCheck c7 = checks.get(7);
    byte[] tampered = c7.proof().toBytes();
    tampered[200] ^= 4;
    checks.set(7, new ProofCheck(c7.statement(), RangeProof.of(tampered, 16, 1), c7.context()));
    ProofCheck c9 = checks.get(9);
    RangeStatement wider =
        RangeStatement.atLeast(c9.statement().commitments().get(0), 100, BitSize.B32);
    checks.set(9, new ProofCheck(wider, c9.proof(), c9.context()));

    List<Verification> answers = verifier.verifyAll(checks);

    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      if (!answers.get(i).isValid()) {
        failed.add(i);
      }
    }
    assertThat(failed).containsExactly(3, 7, 9);
    assertThat(((Verification.Invalid) answers.get(9)).reason()).startsWith("proof is for n=16");
    for (int i = 0; i < checks.size(); i++) {
      ProofCheck c = checks.get(i);
      assertThat(answers.get(i).isValid())
          .isEqualTo(verifier.verify(c.statement(), c.proof(), c.context()).isValid());
    }
  }

  @Test
  void shouldAnswerAnEmptyBatchWithNothing() {
    assertThat(verifier.verifyAll(List.of())).isEmpty();
  }
}
