package io.fugue.chain.node;

import static io.fugue.chain.node.LoopbackIts.status;
import static io.fugue.chain.node.LoopbackIts.tune;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.DoubleSignEvidence;
import io.fugue.chain.consensus.Rejection;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisWriter;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators on libp2p and RocksDB, and a fifth host that joins through the bootnode and
 * misbehaves with validator 3's key ({@link ByzantineInjector}). Gossipsub forwards only what a
 * node accepts, so the non-member votes are refused only by validators the Byzantine host reaches
 * directly: it dials every validator, and the assertions add up counts over all of them.
 */
class P2pByzantineIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Bytes SEED = Bytes.of(new byte[] {4, 2});
  private static final String NETWORK = "fugue-devnet";

  @TempDir Path dir;
  private P2pHost boot;
  private P2pHost byzantine;
  private final ValidatorNode[] nodes = new ValidatorNode[4];
  private Path genesis;
  private DevnetGenesis.Devnet devnet;
  private final ShardNodes.Options options =
      ShardNodes.Options.defaults()
          .withTimings(ConsensusConfig.defaults().withTimings(100, 1500, 1500, 30_000));

  @BeforeEach
  void startCluster() throws Exception {
    genesis = dir.resolve("genesis.json");
    devnet = DevnetGenesis.generate(new DevnetGenesis.Spec(SEED, 1, 4, 2, 1000, RateLimits.none()));
    Files.writeString(genesis, GenesisWriter.toJson(devnet.config()));
    boot = P2pHost.start(tune(P2pConfig.builder().network(NETWORK).asBootnode()).build());
    for (int i = 0; i < 4; i++) {
      start(i);
    }
  }

  @AfterEach
  void stopCluster() {
    if (byzantine != null) {
      byzantine.close();
    }
    Arrays.stream(nodes).filter(Objects::nonNull).forEach(ValidatorNode::close);
    boot.close();
  }

  private void start(int i) {
    ValidatorConfig config =
        new ValidatorConfig(
            genesis,
            0,
            dir.resolve("v" + i),
            List.of("/ip4/127.0.0.1/tcp/0"),
            List.of(boot.dialableAddress()),
            new ValidatorConfig.DevnetKeySource(SEED, 4, i));
    nodes[i] = ValidatorNode.start(config, options, LoopbackIts::tune);
  }

  private List<ShardNode> all() {
    return Arrays.stream(nodes).map(ValidatorNode::shardNode).toList();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    LoopbackIts.await(condition, what, DEADLINE);
  }

  private void awaitAll(Predicate<NodeStatus> p, String what) throws InterruptedException {
    await(() -> all().stream().map(LoopbackIts::status).allMatch(p), what);
  }

  private long sum(java.util.function.ToLongFunction<NodeStatus> f) {
    return all().stream().map(LoopbackIts::status).mapToLong(f).sum();
  }

  /** The Byzantine host, directly connected to every validator, its injector subscribed. */
  private ByzantineInjector joinByzantineHost(BlsSecretKey member, BlsSecretKey otherMember)
      throws InterruptedException {
    byzantine =
        P2pHost.start(
            tune(P2pConfig.builder()
                    .network(NETWORK)
                    .listen("/ip4/127.0.0.1/tcp/0")
                    .bootnode(boot.dialableAddress()))
                .build());
    List<PeerId> validators = Arrays.stream(nodes).map(n -> peerOf(n.dialableAddress())).toList();
    Arrays.stream(nodes).forEach(n -> byzantine.dial(n.dialableAddress()));
    await(
        () -> byzantine.connectedPeers().containsAll(validators),
        "the Byzantine host connected to every validator");
    // Attack until the test stops it: the evidence and rejections asserted below must not depend
    // on which heights the attack happens to overlap.
    return new ByzantineInjector(
            new P2pConsensusNetwork(byzantine, NETWORK),
            0,
            member,
            otherMember,
            4,
            Integer.MAX_VALUE)
        .withOutsider(BlsSecretKey.fromSeed(new byte[32]));
  }

  private static PeerId peerOf(String multiaddr) {
    return PeerId.of(multiaddr.substring(multiaddr.lastIndexOf("/p2p/") + 5));
  }

  @Test
  void shouldRejectAByzantineHostsForgeriesRecordTheDoubleSignAcrossARestartAndGoOn()
      throws Exception {
    awaitAll(s -> s.headNumber() >= 2, "2 blocks");
    List<BlsSecretKey> keys = devnet.validators().get(0);
    ByzantineInjector injector = joinByzantineHost(keys.get(3), keys.get(2));

    await(
        () -> sum(s -> s.rejected(Rejection.BAD_SIGNATURE)) > 0,
        "a vote signed with another member's key refused");
    await(
        () -> sum(s -> s.rejected(Rejection.BAD_AGGREGATE)) > 0,
        "an aggregate claiming every member refused");
    await(() -> sum(NodeStatus::gossipRejected) > 0, "a non-member's vote refused at gossip");
    await(
        () -> sum(s -> s.rejected(Rejection.OLD_HEIGHT)) > 0,
        "a replayed ANNOUNCE of an old height refused");
    await(
        () -> all().stream().anyMatch(n -> !n.evidence().isEmpty()), "double-sign evidence stored");
    injector.stop();

    int holder =
        IntStream.range(0, 4)
            .filter(i -> !nodes[i].shardNode().evidence().isEmpty())
            .findFirst()
            .orElseThrow();
    List<DoubleSignEvidence> stored = nodes[holder].shardNode().evidence();
    assertThat(stored)
        .allSatisfy(
            e -> {
              assertThat(e.signer().bytes()).isEqualTo(keys.get(3).publicKey().toBytes());
              assertThat(e.verify(new BlsSignatureScheme())).isTrue();
            });

    nodes[holder].close();
    nodes[holder] = null;
    start(holder);
    assertThat(nodes[holder].shardNode().evidence())
        .as("evidence read back from RocksDB")
        .containsAll(stored);

    long target = all().stream().mapToLong(n -> status(n).headNumber()).max().orElseThrow() + 5;
    awaitAll(
        s -> s.headNumber() >= target,
        "5 more blocks on every validator after the attack and the restart");
    assertThat(
            all().stream()
                .map(n -> n.setup().chain().block(target).orElseThrow().hash())
                .distinct())
        .hasSize(1);
  }
}
