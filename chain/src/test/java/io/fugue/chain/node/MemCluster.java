package io.fugue.chain.node;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.RotatingLeaderSchedule;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shards × validators of {@link ShardNode}s over one {@link InMemoryNetwork}, with in-memory
 * stores.
 */
final class MemCluster implements AutoCloseable {
  final DevnetGenesis.Devnet devnet;
  final InMemoryNetwork network;
  final ShardNodes.Options options;
  final LocalNetwork local;

  MemCluster(int shards, int validators, long blockIntervalMillis, long timeoutMillis) {
    this(shards, validators, blockIntervalMillis, timeoutMillis, 0);
  }

  /** With the empty-block policy: an idle leader waits up to {@code idleMillis} (0 = off). */
  MemCluster(
      int shards, int validators, long blockIntervalMillis, long timeoutMillis, long idleMillis) {
    devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(
                Bytes.of(new byte[] {7, 7}), shards, validators, 4, 1_000_000, RateLimits.none()));
    options =
        ShardNodes.Options.defaults()
            .withTimings(
                ConsensusConfig.defaults()
                    .withTimings(
                        blockIntervalMillis, timeoutMillis, timeoutMillis, 20 * timeoutMillis))
            .withIdleBlockInterval(idleMillis);
    local = LocalNetwork.inMemory(devnet.config(), devnet.validators(), options);
    network = local.network();
    local.startAll();
  }

  ShardNode start(int shard, int i) {
    return local.startValidator(shard, i);
  }

  ShardNode node(int shard, int i) {
    return local.node(shard, i).orElseThrow();
  }

  List<ShardNode> shard(int shard) {
    List<ShardNode> out = new ArrayList<>();
    for (int i = 0; i < local.validators(shard); i++) {
      out.add(node(shard, i));
    }
    return out;
  }

  NodeStatus status(ShardNode n) {
    return LoopbackIts.status(n);
  }

  /** The validator index leading {@code height}, view 0, on {@code shard}. */
  int leaderOf(int shard, long height) {
    RotatingLeaderSchedule s =
        new RotatingLeaderSchedule(
            devnet.config().leaderRotationBlocks(),
            Genesis.forShard(devnet.config(), ShardId.of(shard)).block().hash().toBytes());
    return s.leaderIndex(ShardNodes.committee(devnet.config(), shard), height, 0);
  }

  /** Waits until every given node's head satisfies {@code condition}, or fails at the deadline. */
  void await(
      List<ShardNode> which, Predicate<NodeStatus> condition, Duration deadline, String what) {
    Await.value(
        what,
        deadline,
        () -> which.stream().map(this::status).toList(),
        st -> st.stream().allMatch(condition));
  }

  void awaitHeight(List<ShardNode> which, long height, Duration deadline) {
    await(which, s -> s.headNumber() >= height, deadline, "height " + height);
  }

  @Override
  public void close() {
    local.close();
  }
}
