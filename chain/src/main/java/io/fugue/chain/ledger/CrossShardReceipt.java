package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A credit owed to another shard by a cross-shard transfer: {@code 0x01 ‖ rlp([txHash, from, to,
 * fromShardId, toShardId, amount])}. The source shard commits to its outgoing receipts in the
 * header ({@link #outgoingRoot}); the destination shard credits {@code to} once, on proof.
 */
public record CrossShardReceipt(
    Hash32 txHash,
    Address from,
    Address to,
    ShardId fromShardId,
    ShardId toShardId,
    Uint256 amount) {
  public static final int VERSION = 0x01;

  public CrossShardReceipt {
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(fromShardId, "fromShardId");
    Objects.requireNonNull(toShardId, "toShardId");
    Objects.requireNonNull(amount, "amount");
  }

  RlpList toRlp() {
    return RlpList.of(
        RlpString.of(txHash),
        RlpString.of(from),
        RlpString.of(to),
        RlpString.of(fromShardId),
        RlpString.of(toShardId),
        RlpString.ofUint256(amount));
  }

  static CrossShardReceipt fromRlp(RlpList f) {
    f.expectSize(6, "cross-shard receipt");
    return new CrossShardReceipt(
        f.string(0).asHash32(),
        f.string(1).asAddress(),
        f.string(2).asAddress(),
        f.string(3).asShardId(),
        f.string(4).asShardId(),
        f.string(5).asUint256());
  }

  public Bytes encode() {
    return Rlp.encodeTyped(VERSION, toRlp());
  }

  public static CrossShardReceipt decode(Bytes encoded, LedgerLimits limits) {
    return Decoding.decoding(
        "cross-shard receipt",
        () -> {
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.transactionCodec());
          if (typed.type() != VERSION) {
            throw new CodecException("unknown cross-shard receipt version " + typed.type());
          }
          return fromRlp(typed.payload().asList());
        });
  }

  /**
   * The header's outgoingReceiptRoot: receipts grouped by destination shard in ascending order;
   * each group gives a leaf {@code rlp([toShardId, ListRoot(group encodings)])}; the root is the
   * {@link ListRoot} of those leaves. A destination shard then needs one group and two proofs. Zero
   * if there are no receipts.
   */
  public static Hash32 outgoingRoot(List<CrossShardReceipt> receipts) {
    Map<ShardId, List<Bytes>> byShard = new TreeMap<>();
    for (CrossShardReceipt r : receipts) {
      byShard.computeIfAbsent(r.toShardId(), s -> new ArrayList<>()).add(r.encode());
    }
    List<Bytes> leaves = new ArrayList<>(byShard.size());
    byShard.forEach(
        (shard, group) ->
            leaves.add(
                Rlp.encode(RlpList.of(RlpString.of(shard), RlpString.of(ListRoot.of(group))))));
    return ListRoot.of(leaves);
  }
}
