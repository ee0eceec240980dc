package io.fugue.chain.module;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/**
 * What a ledger module may read at the end of a block ({@link LedgerModule#endBlock}), besides the
 * {@link BlockContext}: the header's commit of the parent and the shard state the parent named.
 *
 * @param lastCommitBitmap the signers of the parent's commit (empty for block 1)
 * @param lastCommitSignature their aggregate signature (the epoch seed's source until the VRF+VDF
 *     randomness lands)
 * @param parentShardStateHash the parent header's {@code shardStateHash}: the shard state whose
 *     committees vote on this block
 */
public record BlockEnd(
    Bytes lastCommitBitmap, Bytes lastCommitSignature, Hash32 parentShardStateHash) {
  public BlockEnd {
    Objects.requireNonNull(lastCommitBitmap, "lastCommitBitmap");
    Objects.requireNonNull(lastCommitSignature, "lastCommitSignature");
    Objects.requireNonNull(parentShardStateHash, "parentShardStateHash");
  }
}
