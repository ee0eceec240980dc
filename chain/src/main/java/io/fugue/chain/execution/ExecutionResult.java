package io.fugue.chain.execution;

import io.fugue.chain.ledger.CrossShardReceipt;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import java.util.List;
import java.util.Objects;

/**
 * What executing a block's transactions produced (the state writes stay in the block's state).
 *
 * @param transactions the included transactions, in block order
 * @param receipts one per included transaction
 * @param outgoing cross-shard receipts emitted, in transaction order
 * @param fees total fees paid
 * @param minted the block reward minted
 * @param skipped transactions the builder left out, with the reason (empty when validating)
 */
public record ExecutionResult(
    List<Transaction> transactions,
    List<Receipt> receipts,
    List<CrossShardReceipt> outgoing,
    Uint256 fees,
    Uint256 minted,
    List<Skipped> skipped) {
  public ExecutionResult {
    transactions = List.copyOf(transactions);
    receipts = List.copyOf(receipts);
    outgoing = List.copyOf(outgoing);
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(minted, "minted");
    skipped = List.copyOf(skipped);
    if (transactions.size() != receipts.size()) {
      throw new IllegalArgumentException("one receipt per transaction");
    }
  }

  /** A candidate transaction left out of a block being built, and why. */
  public record Skipped(Transaction transaction, TxRejection rejection) {}

  public Hash32 receiptRoot() {
    return Receipt.root(receipts);
  }

  public Hash32 outgoingReceiptRoot() {
    return CrossShardReceipt.outgoingRoot(outgoing);
  }
}
