package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.Objects;
import java.util.Optional;

/**
 * The last finalized block a machine builds on: genesis (height 0, no proof) or a block with its
 * commit proof. {@code finalizedAtMillis} paces the next proposal.
 */
public record ChainHead(
    long height, Hash32 hash, Optional<QuorumCertificate> commitProof, long finalizedAtMillis) {

  public ChainHead {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(commitProof, "commitProof");
    if (height < 0 || (height == 0) != commitProof.isEmpty()) {
      throw new IllegalArgumentException("genesis has no commit proof; every later block has one");
    }
    commitProof.ifPresent(
        qc -> {
          if (qc.phase() != Phase.COMMIT || qc.height() != height || !qc.blockHash().equals(hash)) {
            throw new IllegalArgumentException("commit proof is not for this head");
          }
        });
  }

  public static ChainHead genesis(Hash32 genesisHash) {
    return new ChainHead(0, genesisHash, Optional.empty(), 0);
  }
}
