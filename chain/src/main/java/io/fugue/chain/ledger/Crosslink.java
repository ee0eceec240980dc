package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import java.util.Objects;

/**
 * A shard block's header summary, recorded on the beacon chain with the committee's commit
 * signature over it: {@code 0x01 ‖ rlp([shardId, epoch, blockNumber, viewId, blockHash,
 * commitSignature, commitBitmap])}. The signature and bitmap are taken from the next block's
 * lastCommit fields, so the beacon can check finality without the block itself.
 */
public record Crosslink(
    ShardId shardId,
    long epoch,
    long blockNumber,
    long viewId,
    Hash32 blockHash,
    Bytes commitSignature,
    Bytes commitBitmap) {
  public static final int VERSION = 0x01;

  public Crosslink {
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(commitSignature, "commitSignature");
    Objects.requireNonNull(commitBitmap, "commitBitmap");
    if (epoch < 0 || blockNumber < 0 || viewId < 0) {
      throw new IllegalArgumentException("epoch, block number and view id must not be negative");
    }
    if (commitSignature.size() != BlockHeader.SIGNATURE_SIZE) {
      throw new IllegalArgumentException("commit signature must be 96 bytes");
    }
  }

  public Bytes encode() {
    return Rlp.encodeTyped(
        VERSION,
        RlpList.of(
            RlpString.of(shardId),
            RlpString.ofUint(epoch),
            RlpString.ofUint(blockNumber),
            RlpString.ofUint(viewId),
            RlpString.of(blockHash),
            RlpString.of(commitSignature),
            RlpString.of(commitBitmap)));
  }

  public static Crosslink decode(Bytes encoded, LedgerLimits limits) {
    return Decoding.decoding(
        "crosslink",
        () -> {
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.transactionCodec());
          if (typed.type() != VERSION) {
            throw new CodecException("unknown crosslink version " + typed.type());
          }
          RlpList f = typed.payload().asList().expectSize(7, "crosslink");
          return new Crosslink(
              f.string(0).asShardId(),
              f.string(1).asUint64(),
              f.string(2).asUint64(),
              f.string(3).asUint64(),
              f.string(4).asHash32(),
              f.string(5).asBytes(BlockHeader.SIGNATURE_SIZE),
              f.string(6).asBytesAtMost(limits.maxBitmapBytes(), "commit bitmap"));
        });
  }
}
