package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The receipts one source block owes this shard, as carried in a block body: {@code 0x01 ‖
 * rlp([fromShardId, blockNumber, blockHash, [receipt...], proof])}. {@code proof} stays opaque
 * here: its layout (Merkle paths to the source header's outgoingReceiptRoot and the source
 * committee's commit signature) is defined with cross-shard transfers.
 */
public record IncomingReceipts(
    ShardId fromShardId,
    long blockNumber,
    Hash32 blockHash,
    List<CrossShardReceipt> receipts,
    Bytes proof) {
  public static final int VERSION = 0x01;

  public IncomingReceipts {
    Objects.requireNonNull(fromShardId, "fromShardId");
    Objects.requireNonNull(blockHash, "blockHash");
    receipts = List.copyOf(receipts);
    Objects.requireNonNull(proof, "proof");
    if (blockNumber < 0) {
      throw new IllegalArgumentException("block number must not be negative");
    }
  }

  public Bytes encode() {
    List<RlpItem> r = new ArrayList<>(receipts.size());
    receipts.forEach(x -> r.add(x.toRlp()));
    return Rlp.encodeTyped(
        VERSION,
        RlpList.of(
            RlpString.of(fromShardId),
            RlpString.ofUint(blockNumber),
            RlpString.of(blockHash),
            new RlpList(r),
            RlpString.of(proof)));
  }

  public static IncomingReceipts decode(Bytes encoded, LedgerLimits limits) {
    return Decoding.decoding(
        "incoming receipts",
        () -> {
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.blockCodec());
          if (typed.type() != VERSION) {
            throw new CodecException("unknown incoming receipts version " + typed.type());
          }
          RlpList f = typed.payload().asList().expectSize(5, "incoming receipts");
          RlpList r = f.list(3);
          List<CrossShardReceipt> receipts = new ArrayList<>(r.size());
          for (int i = 0; i < r.size(); i++) {
            receipts.add(CrossShardReceipt.fromRlp(r.list(i)));
          }
          return new IncomingReceipts(
              f.string(0).asShardId(),
              f.string(1).asUint64(),
              f.string(2).asHash32(),
              receipts,
              f.string(4).value());
        });
  }
}
