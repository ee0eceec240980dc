package io.fugue.chain.node;

import static io.fugue.chain.node.LoopbackIts.tune;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.ValidatorSignature;
import io.fugue.chain.crypto.BlsSignature;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisWriter;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pException;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.p2p.Topics;
import io.fugue.chain.primitives.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four beacon validators and one shard-1 validator with a beacon replica, each with its own libp2p
 * host on 127.0.0.1 and RocksDB: the replica follows the beacon chain to the same state, a forged
 * announcement is rejected, and a restarted replica resumes from its store.
 */
class BeaconReplicaIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Bytes SEED = Bytes.of(new byte[] {4, 4});
  private static final String NETWORK = "fugue-devnet";

  @TempDir Path dir;

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    LoopbackIts.await(condition, what, DEADLINE);
  }

  private ValidatorNode start(Path genesis, int shard, int index, String boot, boolean modules) {
    ValidatorConfig config =
        new ValidatorConfig(
            genesis,
            shard,
            dir.resolve(shard + "-" + index),
            List.of("/ip4/127.0.0.1/tcp/0"),
            List.of(boot),
            new ValidatorConfig.DevnetKeySource(SEED, 4, index));
    ShardNodes.Options options =
        ShardNodes.Options.defaults()
            .withTimings(ConsensusConfig.defaults().withTimings(200, 3000, 3000, 60_000));
    return modules
        ? ValidatorNode.start(config, options, LoopbackIts::tune, NodeModules.BUILT_INS)
        : ValidatorNode.start(config, options, LoopbackIts::tune);
  }

  @Test
  void shouldFollowTheBeaconChainRejectForgeriesAndResume() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(
        genesis,
        GenesisWriter.toJson(
            DevnetGenesis.generate(new DevnetGenesis.Spec(SEED, 2, 4, 2, 1000, RateLimits.none()))
                .config()));
    List<ValidatorNode> beacon = new ArrayList<>();
    ValidatorNode follower = null;
    try (P2pHost boot =
            P2pHost.start(tune(P2pConfig.builder().network(NETWORK).asBootnode()).build());
        P2pHost forger =
            P2pHost.start(
                tune(P2pConfig.builder()
                        .network(NETWORK)
                        .listen("/ip4/127.0.0.1/tcp/0")
                        .bootnodes(List.of(boot.dialableAddress())))
                    .build())) {
      try {
        for (int i = 0; i < 4; i++) {
          beacon.add(start(genesis, 0, i, boot.dialableAddress(), false));
        }
        follower = start(genesis, 1, 0, boot.dialableAddress(), true);
        BeaconReplica replica = follower.beaconReplica().orElseThrow();
        await(() -> replica.chain().head().number() >= 5, "the replica to import 5 beacon blocks");
        for (ValidatorNode v : beacon) {
          await(
              () -> v.shardNode().setup().chain().head().number() >= 5,
              "a beacon validator at block 5");
          BlockHeader theirs = v.shardNode().setup().chain().block(5).orElseThrow().header();
          BlockHeader ours = replica.chain().block(5).orElseThrow().header();
          assertThat(ours.hash()).isEqualTo(theirs.hash());
          assertThat(ours.stateRoot()).isEqualTo(theirs.stateRoot());
        }
        assertThat(replica.rejectedAnnouncements()).isZero();
        assertThat(replica.importFailures()).isZero();
        ValidatorNode shard1 = follower;
        await(
            () -> shard1.shardNode().beaconHead().map(BlockHeader::number).orElse(0L) >= 3,
            "the shard node's own beacon follower, sharing the topic with the replica, to see block 3");

        BlockHeader real = replica.chain().block(3).orElseThrow().header();
        Bytes forged =
            BeaconFollower.encodeAnnouncement(
                real,
                new QuorumCertificate(
                    Phase.COMMIT,
                    real.number(),
                    0,
                    real.hash(),
                    new ValidatorSignature(
                        BlsSignature.aggregate(
                                List.of(
                                    DevnetGenesis.generate(
                                            new DevnetGenesis.Spec(
                                                Bytes.of(new byte[] {9}),
                                                2,
                                                4,
                                                0,
                                                0,
                                                RateLimits.none()))
                                        .validators()
                                        .get(0)
                                        .get(0)
                                        .sign(Bytes.of(new byte[] {1}))))
                            .toBytes()),
                    SignerBitmap.of(4, List.of(0, 1, 2))));
        String topic = Topics.topic(NETWORK, 0, Topics.Kind.BLOCKS);
        await(
            () -> {
              try {
                forger.publish(topic, forged);
              } catch (P2pException e) {
                // No subscribed peer known yet: try again.
              }
              return replica.rejectedAnnouncements() >= 1;
            },
            "the forged announcement to be rejected");
        assertThat(replica.chain().head().number()).isGreaterThanOrEqualTo(5);

        long before = replica.chain().head().number();
        follower.close();
        follower = start(genesis, 1, 0, boot.dialableAddress(), true);
        BeaconReplica resumed = follower.beaconReplica().orElseThrow();
        assertThat(resumed.chain().head().number()).isGreaterThanOrEqualTo(before);
        await(
            () -> resumed.chain().head().number() > before,
            "the restarted replica to import a new block");
        assertThat(resumed.importFailures()).isZero();
      } finally {
        if (follower != null) {
          follower.close();
        }
        beacon.forEach(ValidatorNode::close);
      }
    }
  }
}
