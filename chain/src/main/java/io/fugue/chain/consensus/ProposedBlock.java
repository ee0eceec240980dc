package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Objects;
import java.util.Optional;

/**
 * What consensus needs to know of a block: its height, parent, hash, canonical bytes, and the
 * commit proof of its parent that the block's header carries (absent only for height 1, whose
 * parent is genesis). The ledger decodes and hashes; consensus never interprets {@code encoded}.
 */
public record ProposedBlock(
    long height,
    Hash32 parentHash,
    Hash32 hash,
    Bytes encoded,
    Optional<QuorumCertificate> parentCommit) {

  public ProposedBlock {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(parentCommit, "parentCommit");
    if (height < 1) {
      throw new IllegalArgumentException("a proposed block has height >= 1, got " + height);
    }
    parentCommit.ifPresent(
        qc -> {
          if (qc.phase() != Phase.COMMIT
              || qc.height() != height - 1
              || !qc.blockHash().equals(parentHash)) {
            throw new IllegalArgumentException("parent commit proof is not for the parent block");
          }
        });
  }
}
