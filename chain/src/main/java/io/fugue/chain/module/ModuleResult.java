package io.fugue.chain.module;

import io.fugue.chain.ledger.CrossShardReceipt;
import io.fugue.chain.ledger.Receipt;
import java.util.List;

/**
 * What a successful {@link LedgerModule#apply} produced besides its state writes: the logs that go
 * into the transaction's receipt, and credits owed by other shards (only value-moving modules emit
 * those; the executor commits them in the header's outgoingReceiptRoot).
 */
public record ModuleResult(List<Receipt.Log> logs, List<CrossShardReceipt> outgoing) {
  private static final ModuleResult EMPTY = new ModuleResult(List.of(), List.of());

  public ModuleResult {
    logs = List.copyOf(logs);
    outgoing = List.copyOf(outgoing);
  }

  public static ModuleResult empty() {
    return EMPTY;
  }

  public static ModuleResult ofLogs(List<Receipt.Log> logs) {
    return new ModuleResult(logs, List.of());
  }
}
