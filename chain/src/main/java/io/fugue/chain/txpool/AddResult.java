package io.fugue.chain.txpool;

import io.fugue.chain.execution.TxRejection;
import io.fugue.chain.ledger.Transaction;
import java.util.Objects;

/** The outcome of offering a transaction to the pool. */
public sealed interface AddResult permits AddResult.Added, AddResult.Replaced, AddResult.Rejected {
  /** Now in the pool. */
  record Added(Transaction transaction) implements AddResult {}

  /** Now in the pool, in place of {@code replaced} (same sender and nonce, lower fee). */
  record Replaced(Transaction transaction, Transaction replaced) implements AddResult {}

  /** Not taken, with the reason. */
  record Rejected(TxRejection rejection) implements AddResult {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  default boolean accepted() {
    return !(this instanceof Rejected);
  }
}
