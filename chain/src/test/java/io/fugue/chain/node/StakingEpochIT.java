package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingState;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.testing.Await;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A staking network's beacon chain runs its epochs: four validators over the in-memory network with
 * four-block epochs register the staking module from the genesis, every epoch's last block carries
 * the hash of the shard state elected for the next epoch, every validator computes the same one,
 * and a node whose beacon modules disagree with the genesis on staking is refused at start.
 */
class StakingEpochIT {
  private static final long EPOCH = 4;

  /**
   * 10 % availability: with 40 ms blocks on a loaded machine a live node's commit vote can miss the
   * next proposal often enough to fall under 66 %; a stopped node (0 %) still falls under 10 %.
   */
  static final int AVAILABILITY_BPS = 1_000;

  @Test
  void shouldElectTheNextEpochsCommitteesAtEveryEpochEnd() {
    DevnetGenesis.Devnet devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(Bytes.of(new byte[] {4, 2}), 1, 4, 2, 1_000, RateLimits.none())
                .withStaking());
    GenesisConfig genesis =
        DevnetGenesis.withEpochs(devnet.config(), EPOCH, StakingGenesis.NEVER, AVAILABILITY_BPS);
    ShardNodes.Options options =
        ShardNodes.Options.defaults()
            .withTimings(ConsensusConfig.defaults().withTimings(40, 1_000, 1_000, 20_000));
    try (LocalNetwork local = LocalNetwork.inMemory(genesis, devnet.validators(), options)) {
      local.startAll();
      Await.until(
          "every validator past three epochs",
          Duration.ofSeconds(60),
          () ->
              java.util.stream.IntStream.range(0, 4)
                  .allMatch(i -> head(local, i) >= 3 * EPOCH + 1));
      Blockchain chain = local.node(0, 0).orElseThrow().setup().chain();
      for (long e = 0; e < 3; e++) {
        long last = e * EPOCH + EPOCH - 1;
        ShardState next = StakingState.shardState(chain.headState(), e + 1).orElseThrow();
        BlockHeader end = chain.block(last).orElseThrow().header();
        assertThat(end.shardStateHash())
            .as("block %d names epoch %d", last, e + 1)
            .isEqualTo(next.hash());
        assertThat(next.epoch()).isEqualTo(e + 1);
        // Four validators, one shard of four slots: every genesis key is elected again.
        assertThat(next.shards().get(0).committee().members())
            .containsExactlyInAnyOrderElementsOf(ShardNodes.committee(genesis, 0).members());
        // A block inside the epoch names the same shard state as its parent.
        assertThat(chain.block(last + 1).orElseThrow().header().shardStateHash())
            .isEqualTo(end.shardStateHash());
        for (int i = 1; i < 4; i++) {
          assertThat(
                  local.node(0, i).orElseThrow().setup().chain().block(last).orElseThrow().hash())
              .isEqualTo(chain.block(last).orElseThrow().hash());
        }
      }
    }

    assertThatThrownBy(
            () ->
                ShardNodes.open(
                    genesis,
                    0,
                    devnet.validators().get(0).get(0),
                    new InMemoryKeyValueStore(),
                    new InMemoryNetwork().endpoint("x"),
                    options,
                    Clock.systemUTC(),
                    ModuleRegistry.builtInsOnly()))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("lack the staking module");
  }

  private static long head(LocalNetwork local, int i) {
    return local.node(0, i).orElseThrow().setup().chain().head().number();
  }
}
