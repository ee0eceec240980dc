package io.fugue.chain.ledger;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/**
 * The body of a {@link TransactionTypes#TRANSFER}: {@code [toShardId, to, value, data]}. When
 * {@code toShardId} differs from the transaction's shard, the source shard debits and emits a
 * {@link CrossShardReceipt}, and the destination shard credits.
 */
public record Transfer(ShardId toShardId, Address to, Uint256 value, Bytes data) {
  public Transfer {
    Objects.requireNonNull(toShardId, "toShardId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
  }

  /** An unsigned transfer transaction. */
  public static UnsignedTransaction unsigned(
      long chainId, long nonce, ShardId shardId, Uint256 fee, Transfer transfer) {
    return new UnsignedTransaction(
        TransactionTypes.TRANSFER, chainId, nonce, shardId, fee, transfer.toRlp());
  }

  public RlpList toRlp() {
    return RlpList.of(
        RlpString.of(toShardId), RlpString.of(to), RlpString.ofUint256(value), RlpString.of(data));
  }

  /** Parses a transfer body strictly. */
  public static Transfer fromRlp(RlpList body, LedgerLimits limits) {
    return fromRlp(body, limits.maxTransactionDataBytes());
  }

  static Transfer fromRlp(RlpList body, int maxDataBytes) {
    return Decoding.decoding(
        "transfer",
        () -> {
          body.expectSize(4, "transfer body");
          return new Transfer(
              body.string(0).asShardId(),
              body.string(1).asAddress(),
              body.string(2).asUint256(),
              body.string(3).asBytesAtMost(maxDataBytes, "transfer data"));
        });
  }
}
