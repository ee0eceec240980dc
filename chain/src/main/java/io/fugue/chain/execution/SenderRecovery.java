package io.fugue.chain.execution;

import io.fugue.chain.ledger.Transaction;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Recovers the senders of a block's transactions on all cores before the block is executed.
 * Execution is sequential (each transaction reads the state the previous one wrote), but sender
 * recovery — an ECDSA public-key recovery per transaction, the largest single cost of importing a
 * block of transfers (docs/benchmarks.md, "Ledger execution") — depends on nothing but the
 * transaction, and {@link Transaction#sender()} keeps its result. Small blocks are left to the
 * sequential path, where splitting costs more than it saves.
 *
 * <p>Runs on its own pool of daemon threads (one per core), not the common pool, so that other
 * users of the common pool cannot delay a block's validation, nor it theirs.
 */
final class SenderRecovery {
  /** Below this many transactions, recovery stays on the caller's thread. */
  static final int PARALLEL_THRESHOLD = 32;

  private static final ForkJoinPool POOL =
      new ForkJoinPool(
          Runtime.getRuntime().availableProcessors(),
          pool -> {
            ForkJoinWorkerThread t =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("fugue-sender-recovery-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
          },
          null,
          false);

  private SenderRecovery() {}

  /**
   * Recovers and caches every sender of {@code txs}. A transaction whose signature recovers no key
   * simply caches "no sender"; execution then rejects it as before.
   */
  static void recoverAll(List<Transaction> txs) {
    if (txs.size() < PARALLEL_THRESHOLD) {
      return;
    }
    POOL.submit(() -> txs.parallelStream().forEach(Transaction::sender)).join();
  }
}
