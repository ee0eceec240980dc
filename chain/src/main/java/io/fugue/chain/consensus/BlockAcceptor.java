package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Optional;

/**
 * Decides once per block whether it may be voted on at the current height: the ledger's validator
 * accepts it, it extends the head, its hash and bytes are the ones announced, and it carries a
 * valid commit proof of its parent. An accepted block is remembered in the {@link HeightState}; a
 * rejection is counted.
 */
final class BlockAcceptor {
  private final ProposalValidator validator;
  private final CommitteeSource committees;
  private final CertificateVerifier verifier;
  private final ConsensusMetrics metrics;

  BlockAcceptor(
      ProposalValidator validator,
      CommitteeSource committees,
      CertificateVerifier verifier,
      ConsensusMetrics metrics) {
    this.validator = validator;
    this.committees = committees;
    this.verifier = verifier;
    this.metrics = metrics;
  }

  /** The block if it is acceptable at {@code h}'s height; empty (and counted) if not. */
  Optional<ProposedBlock> accept(HeightState h, Bytes encoded, Hash32 expectedHash) {
    Optional<ProposedBlock> known = h.block(expectedHash);
    if (known.isPresent()) {
      return known.get().encoded().equals(encoded) ? known : reject();
    }
    ProposalValidation v = validator.validate(encoded, h.height(), h.head().hash());
    if (!(v instanceof ProposalValidation.Accept accept)) {
      return reject();
    }
    ProposedBlock b = accept.block();
    if (b.height() != h.height()
        || !b.parentHash().equals(h.head().hash())
        || !b.hash().equals(expectedHash)
        || !b.encoded().equals(encoded)
        || !parentCommitValid(b)) {
      return reject();
    }
    h.addBlock(b);
    return Optional.of(b);
  }

  private Optional<ProposedBlock> reject() {
    metrics.reject(Rejection.INVALID_BLOCK);
    return Optional.empty();
  }

  /** Block N+1 must carry a valid commit proof of block N (any quorum, not necessarily ours). */
  private boolean parentCommitValid(ProposedBlock b) {
    if (b.height() == 1) {
      return b.parentCommit().isEmpty();
    }
    return b.parentCommit()
        .map(qc -> verifier.verify(qc, committees.committeeFor(b.height() - 1)).isEmpty())
        .orElse(false);
  }
}
