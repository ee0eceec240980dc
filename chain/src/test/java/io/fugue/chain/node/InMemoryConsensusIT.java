package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.service.Service;
import io.fugue.chain.txpool.AddResult;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryConsensusIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void shouldFinalizeTheSameBlocksOnEveryValidatorAndPaySigners() {
    try (MemCluster c = new MemCluster(1, 4, 50, 1000)) {
      Transaction tx =
          Transfer.unsigned(
                  c.devnet.config().chainId(),
                  0,
                  ShardId.of(0),
                  Uint256.of(1_000_000_000L),
                  new Transfer(
                      ShardId.of(0),
                      c.devnet.accounts().get(1).address(),
                      Uint256.of(12345),
                      Bytes.EMPTY))
              .sign(c.devnet.accounts().get(0));
      assertThat(c.local.submit(tx))
          .hasSize(4)
          .allSatisfy(r -> assertThat(r).isInstanceOf(AddResult.Added.class));
      c.awaitHeight(c.shard(0), 10, DEADLINE);
      List<Hash32> at10 =
          c.shard(0).stream().map(n -> n.setup().chain().block(10).orElseThrow().hash()).toList();
      assertThat(at10).containsOnly(at10.get(0));
      Blockchain chain = c.node(0, 0).setup().chain();
      assertThat(chain.transaction(tx.hash())).isPresent();
      // Block 2 onward pays the signers of the parent: every validator's reward account has coins.
      long paid =
          IntStream.range(0, 4)
              .filter(
                  i ->
                      chain
                              .headState()
                              .account(
                                  ValidatorAccounts.of(
                                          ShardNodes.committee(c.devnet.config(), 0).member(i))
                                      .toBytes())
                              .balance()
                              .signum()
                          > 0)
              .count();
      assertThat(paid).isGreaterThanOrEqualTo(3);
      assertThat(c.status(c.node(0, 0)).viewChanges()).isZero();
    }
  }

  /**
   * The empty-block policy: an idle committee proposes about once per idle interval instead of
   * every block interval, no validator changes view while its leader waits, and a transaction
   * submitted right after a block is proposed at the leader's next look at its pool, not at the end
   * of the idle interval.
   */
  @Test
  void shouldStretchIdleBlocksWithoutViewChangesAndStillFinalizeATransactionPromptly()
      throws Exception {
    long idle = 1_500;
    try (MemCluster c = new MemCluster(1, 4, 50, 3_000, idle)) {
      c.awaitHeight(c.shard(0), 2, DEADLINE);
      long from = c.status(c.node(0, 0)).headNumber();
      Thread.sleep(3 * idle);
      long idleBlocks = c.status(c.node(0, 0)).headNumber() - from;
      // A 50 ms block interval would give ~90 blocks in 4.5 s; the policy gives one per 1.5 s.
      assertThat(idleBlocks).isBetween(1L, 6L);
      assertThat(c.shard(0).stream().mapToLong(ShardNode::idleHolds).sum()).isPositive();

      long before = c.status(c.node(0, 0)).headNumber();
      c.awaitHeight(c.shard(0), before + 1, DEADLINE);
      Transaction tx =
          Transfer.unsigned(
                  c.devnet.config().chainId(),
                  0,
                  ShardId.of(0),
                  Uint256.of(1_000_000_000L),
                  new Transfer(
                      ShardId.of(0),
                      c.devnet.accounts().get(1).address(),
                      Uint256.of(7),
                      Bytes.EMPTY))
              .sign(c.devnet.accounts().get(0));
      long submitted = System.nanoTime();
      assertThat(c.local.submit(tx))
          .allSatisfy(r -> assertThat(r).isInstanceOf(AddResult.Added.class));
      long end = submitted + DEADLINE.toNanos();
      while (c.shard(0).stream()
          .anyMatch(n -> n.setup().chain().transaction(tx.hash()).isEmpty())) {
        assertThat(System.nanoTime()).as("transaction finalized").isLessThan(end);
        Thread.sleep(10);
      }
      long tookMillis = (System.nanoTime() - submitted) / 1_000_000;
      // Waiting out the hold would take about the whole idle interval (1.5 s) after the block.
      assertThat(tookMillis).isLessThan(idle * 2 / 3);
      assertThat(c.shard(0).stream().mapToLong(n -> c.status(n).viewChanges()).sum()).isZero();
    }
  }

  @Test
  void shouldChangeViewAndProgressWhenTheLeaderStops() {
    try (MemCluster c = new MemCluster(1, 4, 50, 600)) {
      c.awaitHeight(c.shard(0), 3, DEADLINE);
      long next = c.status(c.node(0, 0)).headNumber() + 1;
      int leader = c.leaderOf(0, next);
      c.node(0, leader).stop();
      List<ShardNode> live =
          c.shard(0).stream().filter(n -> n.state() == Service.State.RUNNING).toList();
      c.awaitHeight(live, next + 5, DEADLINE);
      assertThat(live.stream().mapToLong(n -> c.status(n).viewChanges()).sum()).isPositive();
    }
  }

  @Test
  void shouldCatchUpBySyncAndRejoinAfterARestart() {
    try (MemCluster c = new MemCluster(1, 4, 50, 800)) {
      c.awaitHeight(c.shard(0), 3, DEADLINE);
      int victim = c.leaderOf(0, 1) == 3 ? 2 : 3;
      c.node(0, victim).stop();
      long stoppedAt = c.node(0, victim).setup().chain().head().number();
      List<ShardNode> others =
          c.shard(0).stream().filter(n -> n.state() == Service.State.RUNNING).toList();
      c.awaitHeight(others, stoppedAt + 40, DEADLINE);
      ShardNode restarted = c.start(0, victim);
      long target = c.status(others.get(0)).headNumber() + 5;
      c.awaitHeight(List.of(restarted), target, DEADLINE);
      // The restarted node may finish block `target` a moment before a given peer does.
      c.awaitHeight(List.of(others.get(0)), target, DEADLINE);
      NodeStatus st = c.status(restarted);
      assertThat(st.syncedBlocks()).isGreaterThanOrEqualTo(30);
      assertThat(st.syncRejected()).isZero();
      assertThat(restarted.setup().chain().block(target).orElseThrow().hash())
          .isEqualTo(others.get(0).setup().chain().block(target).orElseThrow().hash());
    }
  }

  @Test
  void shouldRunBeaconAndTwoShardsSideBySideAndFollowBeaconHeaders() {
    try (MemCluster c = new MemCluster(3, 4, 150, 1500)) {
      for (int s = 0; s < 3; s++) {
        c.awaitHeight(c.shard(s), 5, DEADLINE);
      }
      c.await(
          c.shard(1), st -> st.beaconHead().orElse(0L) >= 3, DEADLINE, "beacon headers on shard 1");
      c.await(
          c.shard(2), st -> st.beaconHead().orElse(0L) >= 3, DEADLINE, "beacon headers on shard 2");
      assertThat(c.node(1, 0).setup().chain().block(1).orElseThrow().header().shardId())
          .isEqualTo(ShardId.of(1));
      assertThat(c.status(c.node(2, 1)).beaconRejected()).isZero();
    }
  }

  @Test
  void shouldRejectAByzantineMembersForgeriesRecordItsDoubleSignAndGoOn() {
    try (MemCluster c = new MemCluster(1, 4, 50, 1000)) {
      var keys = c.devnet.validators().get(0);
      new ByzantineInjector(c.network.endpoint("byzantine"), 0, keys.get(3), keys.get(2), 4, 6)
          .withOutsider(io.fugue.chain.crypto.BlsSecretKey.fromSeed(new byte[32]));
      c.awaitHeight(c.shard(0), 12, DEADLINE);
      List<NodeStatus> st = c.shard(0).stream().map(c::status).toList();
      assertThat(
              st.stream()
                  .mapToLong(s -> s.rejected(io.fugue.chain.consensus.Rejection.BAD_SIGNATURE))
                  .sum())
          .isPositive();
      assertThat(
              st.stream()
                  .mapToLong(s -> s.rejected(io.fugue.chain.consensus.Rejection.BAD_AGGREGATE))
                  .sum())
          .isPositive();
      assertThat(st.stream().mapToLong(NodeStatus::gossipRejected).sum())
          .as("votes of a non-member")
          .isPositive();
      assertThat(
              st.stream()
                  .mapToLong(s -> s.rejected(io.fugue.chain.consensus.Rejection.OLD_HEIGHT))
                  .sum())
          .as("a replayed ANNOUNCE of height 1")
          .isPositive();
      var evidence = c.shard(0).stream().flatMap(n -> n.evidence().stream()).toList();
      assertThat(evidence).isNotEmpty();
      assertThat(evidence)
          .allSatisfy(
              e -> {
                assertThat(e.signer().bytes()).isEqualTo(keys.get(3).publicKey().toBytes());
                assertThat(e.verify(new io.fugue.chain.consensus.BlsSignatureScheme())).isTrue();
              });
    }
  }
}
