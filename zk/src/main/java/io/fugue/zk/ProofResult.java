package io.fugue.zk;

import java.util.Objects;

/**
 * What {@link RangeProver#prove} made: a proof, or a refusal with its reason when no proof of the
 * statement can exist for the given openings (the predicate is false, or a derived value does not
 * fit the bit size). A refusal is an expected answer, not an error; exceptions stay for misuse
 * (null inputs, openings that do not open the statement's commitments, a wiped opening) and
 * internal faults.
 */
public sealed interface ProofResult {
  /** The statement holds and this proof shows it. */
  record Proven(RangeProof proof) implements ProofResult {
    public Proven {
      Objects.requireNonNull(proof, "proof");
    }
  }

  /** No proof: {@code reason} says why (it never contains the values or blindings). */
  record Refused(String reason) implements ProofResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The proof; a refusal becomes a {@link ZkException} "refused: reason" (for callers that know it
   * holds).
   */
  default RangeProof orElseThrow() {
    if (this instanceof Proven p) {
      return p.proof();
    }
    throw new ZkException("refused: " + ((Refused) this).reason());
  }
}
