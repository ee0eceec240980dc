package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/**
 * An aggregate signature of a quorum over one vote payload: a prepared certificate ({@link
 * Phase#PREPARE}) or a commit proof ({@link Phase#COMMIT}, the finality proof of a block that
 * travels in the next block's header).
 */
public record QuorumCertificate(
    Phase phase,
    long height,
    long viewId,
    Hash32 blockHash,
    ValidatorSignature aggregate,
    SignerBitmap signers) {

  public QuorumCertificate {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(signers, "signers");
    if (phase == Phase.PROPOSE) {
      throw new IllegalArgumentException("a certificate is for prepare or commit votes");
    }
    if (height < 1 || viewId < 0) {
      throw new IllegalArgumentException("height >= 1 and view >= 0 required");
    }
  }
}
