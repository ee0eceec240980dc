package io.fugue.chain.node;

import static io.fugue.chain.node.LoopbackIts.status;
import static io.fugue.chain.node.LoopbackIts.tune;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisWriter;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The beacon chain and two shards, four validators each, every one with its own libp2p host and
 * RocksDB.
 */
class P2pShardsIT {
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final Bytes SEED = Bytes.of(new byte[] {3, 3});

  @TempDir Path dir;

  private static void await(List<ShardNode> which, Predicate<NodeStatus> p, String what)
      throws InterruptedException {
    LoopbackIts.awaitAll(which, p, what, DEADLINE);
  }

  @Test
  void shouldRunBeaconAndTwoShardsSideBySideAndFollowBeaconHeaders() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(
        genesis,
        GenesisWriter.toJson(
            DevnetGenesis.generate(new DevnetGenesis.Spec(SEED, 3, 4, 2, 1000, RateLimits.none()))
                .config()));
    ShardNodes.Options options =
        ShardNodes.Options.defaults()
            .withTimings(ConsensusConfig.defaults().withTimings(200, 3000, 3000, 60_000));
    List<ValidatorNode> nodes = new ArrayList<>();
    try (P2pHost boot =
        P2pHost.start(tune(P2pConfig.builder().network("fugue-devnet").asBootnode()).build())) {
      try {
        for (int s = 0; s < 3; s++) {
          for (int i = 0; i < 4; i++) {
            nodes.add(
                ValidatorNode.start(
                    new ValidatorConfig(
                        genesis,
                        s,
                        dir.resolve(s + "-" + i),
                        List.of("/ip4/127.0.0.1/tcp/0"),
                        List.of(boot.dialableAddress()),
                        new ValidatorConfig.DevnetKeySource(SEED, 4, i)),
                    options,
                    LoopbackIts::tune));
          }
        }
        List<ShardNode> all = nodes.stream().map(ValidatorNode::shardNode).toList();
        await(all, s -> s.headNumber() >= 5, "5 blocks on every shard");
        await(
            all.subList(4, 12),
            s -> s.beaconHead().orElse(0L) >= 3,
            "beacon headers followed by shards 1 and 2");
        for (int s = 0; s < 3; s++) {
          assertThat(all.get(4 * s).setup().chain().block(5).orElseThrow().header().shardId())
              .isEqualTo(ShardId.of(s));
        }
        assertThat(
                all.stream()
                    .mapToLong(n -> status(n).beaconRejected() + status(n).gossipRejected())
                    .sum())
            .isZero();
      } finally {
        nodes.forEach(ValidatorNode::close);
      }
    }
  }
}
