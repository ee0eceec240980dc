package io.fugue.chain.node;

import io.fugue.chain.p2p.P2pConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** What the loopback libp2p ITs share: faster gossip settings, status snapshots, bounded waits. */
final class LoopbackIts {
  private LoopbackIts() {}

  /** A 100 ms gossip heartbeat and 500 ms Kademlia bootstrap, one worker thread per host. */
  static P2pConfig.Builder tune(P2pConfig.Builder b) {
    return b.heartbeat(Duration.ofMillis(100)).bootstrapInterval(Duration.ofMillis(500)).workerThreads(1);
  }

  static NodeStatus status(ShardNode n) {
    try {
      return n.status().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Polls {@code condition} every 100 ms until it holds or {@code deadline} passes. */
  static void await(BooleanSupplier condition, String what, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Waits until every node's status satisfies {@code p}; a timeout lists the statuses. */
  static void awaitAll(List<ShardNode> which, Predicate<NodeStatus> p, String what, Duration deadline)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!which.stream().map(LoopbackIts::status).allMatch(p)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what + ": " + which.stream().map(LoopbackIts::status).toList());
      }
      Thread.sleep(100);
    }
  }
}
