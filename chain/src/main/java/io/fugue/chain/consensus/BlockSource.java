package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.Optional;

/**
 * Builds the leader's block (the ledger and txpool implement it). The block must carry {@code
 * parentCommit} in its header so that validators can check the parent's finality.
 */
@FunctionalInterface
public interface BlockSource {
  ProposedBlock build(long height, Hash32 parentHash, Optional<QuorumCertificate> parentCommit);
}
