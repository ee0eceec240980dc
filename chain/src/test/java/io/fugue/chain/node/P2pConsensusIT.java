package io.fugue.chain.node;

import static io.fugue.chain.node.LoopbackIts.status;
import static io.fugue.chain.node.LoopbackIts.tune;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisWriter;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.testing.Await;
import io.fugue.chain.txpool.AddResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four validators of one shard, each with its own libp2p host on 127.0.0.1 and its own RocksDB. */
class P2pConsensusIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Bytes SEED = Bytes.of(new byte[] {9, 9});

  @TempDir Path dir;
  private P2pHost boot;
  private final ValidatorNode[] nodes = new ValidatorNode[4];
  private Path genesis;
  private DevnetGenesis.Devnet devnet;
  private final ShardNodes.Options options =
      ShardNodes.Options.defaults()
          .withTimings(ConsensusConfig.defaults().withTimings(50, 1500, 1500, 30_000));

  @BeforeEach
  void startCluster() throws Exception {
    genesis = dir.resolve("genesis.json");
    devnet = DevnetGenesis.generate(new DevnetGenesis.Spec(SEED, 1, 4, 2, 1000, RateLimits.none()));
    Files.writeString(genesis, GenesisWriter.toJson(devnet.config()));
    boot = P2pHost.start(tune(P2pConfig.builder().network("fugue-devnet").asBootnode()).build());
    for (int i = 0; i < 4; i++) {
      start(i);
    }
  }

  @AfterEach
  void stopCluster() {
    for (ValidatorNode n : nodes) {
      if (n != null) {
        n.close();
      }
    }
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

  private List<ShardNode> live() {
    List<ShardNode> out = new ArrayList<>();
    for (ValidatorNode n : nodes) {
      if (n != null) {
        out.add(n.shardNode());
      }
    }
    return out;
  }

  private static void await(List<ShardNode> which, Predicate<NodeStatus> p, String what)
      throws InterruptedException {
    LoopbackIts.awaitAll(which, p, what, DEADLINE);
  }

  private static Hash32 hashAt(ShardNode n, long height) {
    return n.setup().chain().block(height).orElseThrow().hash();
  }

  @Test
  void shouldProduceBlocksSteadilyOverLibp2p() throws Exception {
    await(live(), s -> s.headNumber() >= 15, "15 blocks");
    assertThat(live().stream().map(n -> hashAt(n, 15)).distinct()).hasSize(1);
    assertThat(live().stream().mapToLong(n -> status(n).gossipRejected()).sum()).isZero();
    for (ShardNode n : live()) {
      NodeStatus st = status(n);
      // One execution per block: a block this node validated (or built) is imported by replay;
      // only blocks it received by sync, never having validated them, are executed on import.
      assertThat(st.importsReused()).as("imports replaying the validation").isPositive();
      assertThat(st.importsExecuted())
          .as("full executions on import")
          .isLessThanOrEqualTo(st.syncedBlocks());
    }
  }

  @Test
  void shouldChangeViewAndProgressWhenTheLeaderIsKilled() throws Exception {
    await(live(), s -> s.headNumber() >= 3, "3 blocks");
    long next = status(live().get(0)).headNumber() + 1;
    int leader =
        new io.fugue.chain.consensus.RotatingLeaderSchedule(
                16, nodes[0].shardNode().setup().leaderSeed())
            .leaderIndex(
                ShardNodes.committee(io.fugue.chain.genesis.GenesisParser.load(genesis), 0),
                next,
                0);
    nodes[leader].close();
    nodes[leader] = null;
    await(live(), s -> s.headNumber() >= next + 5, "5 blocks after the leader died");
    assertThat(live().stream().mapToLong(n -> status(n).viewChanges()).sum()).isPositive();
  }

  @Test
  void shouldCatchUpBySyncFromRocksDbAfterARestartAndRejoin() throws Exception {
    await(live(), s -> s.headNumber() >= 2, "2 blocks");
    nodes[3].close();
    nodes[3] = null;
    long stoppedAt = status(live().get(0)).headNumber();
    await(live(), s -> s.headNumber() >= stoppedAt + 100, "100 blocks without validator 3");
    start(3);
    long target = status(nodes[0].shardNode()).headNumber() + 5;
    await(List.of(nodes[3].shardNode()), s -> s.headNumber() >= target, "validator 3 caught up");
    // Validator 3 may finish block `target` a moment before validator 0 does.
    await(
        List.of(nodes[0].shardNode()), s -> s.headNumber() >= target, "validator 0 at the target");
    NodeStatus st = status(nodes[3].shardNode());
    assertThat(st.syncedBlocks()).isGreaterThanOrEqualTo(90);
    assertThat(st.syncRejected()).isZero();
    assertThat(hashAt(nodes[3].shardNode(), target))
        .isEqualTo(hashAt(nodes[0].shardNode(), target));
    // Rejoined: it keeps finalizing with the others, not only by sync.
    long more = target + 5;
    await(live(), s -> s.headNumber() >= more, "5 more blocks with validator 3 back");
  }

  /**
   * The number of the block of {@code n}'s chain, from {@code from} to its head, that holds {@code
   * tx}.
   */
  private static OptionalLong blockHolding(ShardNode n, long from, Hash32 tx) {
    long head = n.setup().chain().head().number();
    for (long h = from; h <= head; h++) {
      if (n.setup().chain().block(h).orElseThrow().body().transactions().stream()
          .anyMatch(t -> t.hash().equals(tx))) {
        return OptionalLong.of(h);
      }
    }
    return OptionalLong.empty();
  }

  @Test
  void shouldGossipATransferSubmittedToOneValidatorToEveryPoolAndFinalizeIt() throws Exception {
    await(live(), s -> s.headNumber() >= 3, "3 blocks");
    Transaction tx =
        Transfer.unsigned(
                devnet.config().chainId(),
                0,
                ShardId.of(0),
                Uint256.ONE,
                new Transfer(
                    ShardId.of(0), devnet.accounts().get(1).address(), Uint256.of(7), Bytes.EMPTY))
            .sign(devnet.accounts().get(0));
    long from = status(nodes[0].shardNode()).headNumber() + 1;
    assertThat(nodes[0].shardNode().submit(tx)).isEqualTo(new AddResult.Added(tx));
    // Validator 0 took it through submit; the others only through gossip.
    await(live().subList(1, 4), s -> s.txGossipAccepted() >= 1, "the transfer in every other pool");
    Await.until(
        "the transfer finalized on validator 0",
        DEADLINE,
        () -> blockHolding(nodes[0].shardNode(), from, tx.hash()).isPresent());
    long included = blockHolding(nodes[0].shardNode(), from, tx.hash()).getAsLong();
    await(live(), s -> s.headNumber() >= included, "every validator at block " + included);
    for (ShardNode n : live()) {
      assertThat(blockHolding(n, included, tx.hash())).hasValue(included);
      assertThat(
              n.setup()
                  .chain()
                  .headState()
                  .account(devnet.accounts().get(0).address().toBytes())
                  .nonce())
          .isEqualTo(1);
      NodeStatus st = status(n);
      assertThat(st.txGossipRejected()).isZero();
      assertThat(st.pendingTransactions()).as("the pool dropped the included transfer").isZero();
    }
    assertThat(nodes[0].shardNode().submit(tx))
        .as("stale nonce: refused, not gossiped")
        .isInstanceOf(AddResult.Rejected.class);
  }

  @Test
  void shouldRejectAndCountMalformedTransactionGossip() throws Exception {
    await(live(), s -> s.headNumber() >= 3, "3 blocks");
    ConsensusNetwork sender = nodes[0].shardNode().setup().network();
    long end = System.nanoTime() + DEADLINE.toNanos();
    // Published until every other validator has refused one: gossipsub drops a publish made
    // before a peer's subscription to the topic is known.
    while (!live().subList(1, 4).stream().allMatch(n -> status(n).txGossipRejected() >= 1)) {
      assertThat(System.nanoTime())
          .as("malformed gossip rejected by validators 1-3")
          .isLessThan(end);
      sender.publish(
          0,
          ConsensusNetwork.Kind.TXS,
          Bytes.of(new byte[] {2, (byte) 0xc1, (byte) System.nanoTime()}));
      Thread.sleep(200);
    }
    for (ShardNode n : live()) {
      NodeStatus st = status(n);
      assertThat(st.txGossipAccepted()).isZero();
      assertThat(st.pendingTransactions()).isZero();
    }
    await(live(), s -> s.headNumber() >= 6, "blocks after the malformed gossip");
  }
}
