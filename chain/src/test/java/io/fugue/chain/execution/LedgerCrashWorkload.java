package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic workload of the ledger crash test: block n holds the same transfers on every
 * run (senders, recipients and values from n; nonces from the parent state), and its timestamp is
 * the parent's plus one block time, so a clean replay computes the same blocks and roots.
 */
final class LedgerCrashWorkload {
  static final int ACCOUNTS = 12;
  static final int TRANSFERS_PER_BLOCK = 30;

  private LedgerCrashWorkload() {}

  static TestChain chain(io.fugue.chain.storage.KeyValueStore store) {
    return new TestChain(store, RateLimits.none(), ACCOUNTS);
  }

  /** Builds and commits the child of the head. */
  static Block next(TestChain t) {
    long n = t.chain.head().number() + 1;
    long[] nonces = new long[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      nonces[i] = t.nonce(i);
    }
    List<Transaction> txs = new ArrayList<>();
    for (int k = 0; k < TRANSFERS_PER_BLOCK; k++) {
      int from = (int) ((n * 7 + k * 5) % ACCOUNTS);
      int to = (int) ((n * 3 + k * 11 + 1) % ACCOUNTS);
      txs.add(t.transfer(from, to, 1 + (n * 31 + k) % 997, 1 + k % 3, nonces[from]++));
    }
    t.clock.set(t.chain.head().timestamp());
    // Alternate the proposer's path (reuse the build) and the received-block path (full
    // validation).
    return t.commit(txs, n % 2 == 0);
  }
}
