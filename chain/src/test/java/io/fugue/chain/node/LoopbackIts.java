package io.fugue.chain.node;

import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.testing.Await;
import io.fugue.chain.testing.Loopback;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** What the loopback libp2p ITs share: faster gossip settings, status snapshots, bounded waits. */
final class LoopbackIts {
  private LoopbackIts() {}

  /** {@link Loopback#tune}: fast gossip settings for loopback hosts. */
  static P2pConfig.Builder tune(P2pConfig.Builder b) {
    return Loopback.tune(b);
  }

  static NodeStatus status(ShardNode n) {
    try {
      return n.status().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** {@link Await#until} with the ITs' argument order. */
  static void await(BooleanSupplier condition, String what, Duration deadline) {
    Await.until(what, deadline, condition);
  }

  /** Waits until every node's status satisfies {@code p}; a timeout lists the statuses. */
  static void awaitAll(
      List<ShardNode> which, Predicate<NodeStatus> p, String what, Duration deadline) {
    Await.value(
        what,
        deadline,
        () -> which.stream().map(LoopbackIts::status).toList(),
        statuses -> statuses.stream().allMatch(p));
  }
}
