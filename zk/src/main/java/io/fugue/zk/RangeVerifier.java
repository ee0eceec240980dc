package io.fugue.zk;

import io.fugue.nativelib.NativeZk;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies range proofs against {@link RangeStatement}s.
 *
 * <p>The verifier is given exactly: the statement (original commitments, predicate, thresholds, bit
 * size n), the {@link TranscriptContext}, and the proof bytes with their n and m. It derives the
 * range-proved commitments from the statement itself and binds the statement and context into the
 * transcript, so a proof is valid only for the statement and context it was made for.
 *
 * <p>A proof that is wrong in any way (other statement or context, tampered bytes, non-canonical
 * encodings, wrong n or m) gives {@link Verification.Invalid} with the reason; malformed
 * verifier-side arguments (null, a statement that cannot be derived) throw {@link ZkException}.
 * {@link Verification#orThrow()} turns an invalid answer into a {@link ZkException}.
 *
 * <p>Thread safety: instances are immutable and stateless; one verifier may be called from any
 * number of threads at once. {@link #verifyAll} checks many proofs with one combined multiscalar
 * multiplication on all cores, and says which proofs failed if any did.
 */
public final class RangeVerifier {

  /** Verifies one proof. */
  public Verification verify(
      RangeStatement statement, RangeProof proof, TranscriptContext context) {
    if (statement == null || proof == null || context == null) {
      throw new ZkException("statement, proof and context must not be null");
    }
    String mismatch = shapeMismatch(statement, proof);
    if (mismatch != null) {
      return Verification.invalid(mismatch);
    }
    byte[] derived = Statements.derivedCommitments(statement);
    byte[] encoded = Statements.encode(statement);
    String reason =
        Native.call(
            () ->
                NativeZk.verify(
                    proof.bytesUnsafe(),
                    derived,
                    statement.bits().bits(),
                    context.labelBytes(),
                    context.contextUnsafe(),
                    encoded));
    return reason == null ? Verification.VALID : Verification.invalid(reason);
  }

  /**
   * Verifies independent proofs together on all cores. The answer has one entry per check, in
   * order, so the caller sees exactly which failed and why.
   */
  public List<Verification> verifyAll(List<ProofCheck> checks) {
    if (checks == null) {
      throw new ZkException("checks must not be null");
    }
    if (checks.size() > NativeZk.MAX_BATCH) {
      throw new ZkException(
          "at most " + NativeZk.MAX_BATCH + " proofs per batch, got " + checks.size());
    }
    Verification[] answers = new Verification[checks.size()];
    Batch batch = new Batch();
    for (int i = 0; i < answers.length; i++) {
      ProofCheck c = checks.get(i);
      if (c == null) {
        throw new ZkException("check " + i + " must not be null");
      }
      String mismatch = shapeMismatch(c.statement(), c.proof());
      if (mismatch != null) {
        answers[i] = Verification.invalid(mismatch);
      } else {
        batch.add(i, c);
      }
    }
    String[] reasons = Native.call(batch::verify);
    for (int j = 0; j < reasons.length; j++) {
      answers[batch.indices.get(j)] =
          reasons[j] == null ? Verification.VALID : Verification.invalid(reasons[j]);
    }
    return List.of(answers);
  }

  /** The checks that go to the native batch verifier, as its parallel arrays. */
  private static final class Batch {
    final List<Integer> indices = new ArrayList<>();
    final List<byte[]> proofs = new ArrayList<>();
    final List<byte[]> commitments = new ArrayList<>();
    final List<byte[]> labels = new ArrayList<>();
    final List<byte[]> contexts = new ArrayList<>();
    final List<byte[]> statements = new ArrayList<>();
    final List<Integer> bits = new ArrayList<>();

    void add(int index, ProofCheck c) {
      indices.add(index);
      proofs.add(c.proof().bytesUnsafe());
      commitments.add(Statements.derivedCommitments(c.statement()));
      bits.add(c.statement().bits().bits());
      labels.add(c.context().labelBytes());
      contexts.add(c.context().contextUnsafe());
      statements.add(Statements.encode(c.statement()));
    }

    String[] verify() {
      return NativeZk.batchVerify(
          proofs.toArray(new byte[0][]),
          commitments.toArray(new byte[0][]),
          bits.stream().mapToInt(Integer::intValue).toArray(),
          labels.toArray(new byte[0][]),
          contexts.toArray(new byte[0][]),
          statements.toArray(new byte[0][]));
    }
  }

  /** Verifies a proof of v ≥ t for {@code commitment}. */
  public Verification atLeast(
      Commitment commitment, long t, BitSize bits, RangeProof proof, TranscriptContext context) {
    return verify(RangeStatement.atLeast(commitment, t, bits), proof, context);
  }

  /** Verifies a proof of v ≤ t for {@code commitment}. */
  public Verification atMost(
      Commitment commitment, long t, BitSize bits, RangeProof proof, TranscriptContext context) {
    return verify(RangeStatement.atMost(commitment, t, bits), proof, context);
  }

  /** Verifies a proof of a ≤ v ≤ b for {@code commitment}. */
  public Verification between(
      Commitment commitment,
      long a,
      long b,
      BitSize bits,
      RangeProof proof,
      TranscriptContext context) {
    return verify(RangeStatement.between(commitment, a, b, bits), proof, context);
  }

  /** Verifies a proof of Σv ≥ t over {@code commitments}. */
  public Verification sumAtLeast(
      List<Commitment> commitments,
      long t,
      BitSize bits,
      RangeProof proof,
      TranscriptContext context) {
    return verify(RangeStatement.sumAtLeast(commitments, t, bits), proof, context);
  }

  /** Verifies an aggregated proof that every committed value lies in [0, 2^n). */
  public Verification allInRange(
      List<Commitment> commitments, BitSize bits, RangeProof proof, TranscriptContext context) {
    return verify(RangeStatement.allInRange(commitments, bits), proof, context);
  }

  private static String shapeMismatch(RangeStatement s, RangeProof p) {
    if (p.bits() == s.bits() && p.values() == s.values()) {
      return null;
    }
    return "proof is for n="
        + p.bits().bits()
        + ", m="
        + p.values()
        + " but the statement needs n="
        + s.bits().bits()
        + ", m="
        + s.values();
  }
}
