package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Crashes, restarts, churning partitions and Byzantine members over the simulated network. */
class FbftFaultSimulationTest {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(FbftFaultSimulationTest.class);
  private static final int SEEDS = Integer.getInteger("fugue.sim.seeds", 2);

  static Stream<Arguments> sizesAndSeeds() {
    return Stream.of(4, 7, 10)
        .flatMap(n -> LongStream.rangeClosed(1, SEEDS).mapToObj(s -> Arguments.of(n, s)));
  }

  static Stream<Arguments> byzantine() {
    return Stream.of(
            SimNetwork.Behaviour.EQUIVOCATE,
            SimNetwork.Behaviour.FORGE,
            SimNetwork.Behaviour.SILENT)
        .flatMap(b -> sizesAndSeeds().map(a -> Arguments.of(a.get()[0], a.get()[1], b)));
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("sizesAndSeeds")
  void shouldStayLiveWhileUpToFMembersCrashAndRestart(int n, long seed) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed));
    int f = (n - 1) / 3;
    Random r = new Random(seed);
    net.start();
    for (int step = 0; step < 40; step++) {
      Set<Integer> down = new HashSet<>();
      while (down.size() < f) {
        down.add(r.nextInt(n));
      }
      down.forEach(net::crash);
      long before = net.minHonestUpHeight();
      assertThat(net.runUntil(() -> net.minHonestUpHeight() >= before + 5, 60_000))
          .as("progress with %s down at step %d: %s", down, step, net.summary())
          .isTrue();
      down.forEach(net::restart);
    }
    long target = net.finalized.size() + 10;
    boolean caughtUp = net.runUntil(() -> net.minHonestUpHeight() >= target, 120_000);
    net.checkSafety();
    assertThat(net.violations).isEmpty();
    assertThat(caughtUp).as("restarted members catch up: %s", net.summary()).isTrue();
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("sizesAndSeeds")
  void shouldStaySafeUnderChurningPartitionsAndHeavyLossThenRecover(int n, long seed) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed).withLinks(1, 250, 0.1, 0.1));
    Random r = new Random(seed * 31);
    int f = (n - 1) / 3;
    for (int i = 0; i < f; i++) {
      net.setBehaviour(r.nextInt(n), SimNetwork.Behaviour.EQUIVOCATE);
    }
    net.start();
    for (int step = 0; step < 60; step++) {
      Set<Integer> side = new HashSet<>();
      for (int i = 0; i < n; i++) {
        if (r.nextBoolean()) {
          side.add(i);
        }
      }
      net.partition(side);
      net.runFor(200 + r.nextInt(3000));
      net.heal();
      net.runFor(r.nextInt(2000));
    }
    net.checkSafety();
    assertThat(net.violations).isEmpty();
    LOG.info("{}", net.headline());
    net.setLinks(5, 60, 0.02, 0.02);
    long target = net.finalized.size() + 20;
    assertThat(net.runUntil(() -> net.minHonestUpHeight() >= target, 600_000))
        .as("recovery once the network heals: %s", net.summary())
        .isTrue();
  }

  @ParameterizedTest(name = "n={0} seed={1} {2}")
  @MethodSource("byzantine")
  void shouldStaySafeAndLiveWithFByzantineMembers(
      int n, long seed, SimNetwork.Behaviour behaviour) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed));
    int f = (n - 1) / 3;
    Random r = new Random(seed);
    Set<Integer> bad = new HashSet<>();
    while (bad.size() < f) {
      bad.add(r.nextInt(n));
    }
    bad.forEach(i -> net.setBehaviour(i, behaviour));
    net.start();
    boolean done = net.runUntil(() -> net.minHonestUpHeight() >= 200, 900_000);
    net.checkSafety();
    assertThat(net.violations).isEmpty();
    assertThat(done).as("liveness: %s", net.summary()).isTrue();
    List<ValidatorKey> badKeys =
        bad.stream().map(i -> net.nodes.get(i).signer.publicKey()).toList();
    long honestRejections =
        net.honest().stream().mapToLong(x -> x.machine.metrics().totalRejected()).sum();
    switch (behaviour) {
      case EQUIVOCATE -> {
        assertThat(net.evidence).isNotEmpty();
        assertThat(net.evidence)
            .allSatisfy(
                e -> {
                  assertThat(e.verify(net.scheme)).isTrue();
                  assertThat(badKeys).contains(e.signer());
                });
        assertThat(net.honest())
            .allSatisfy(
                h ->
                    assertThat(net.evidenceBy.getOrDefault(h.id, List.of()))
                        .as(
                            "vote double-signs seen by honest node %d, also while a Byzantine member leads",
                            h.id)
                        .anySatisfy(
                            e -> {
                              assertThat(e.phase()).isIn(Phase.PREPARE, Phase.COMMIT);
                              assertThat(bad).contains(net.leaderOf(e.height(), e.viewId()));
                            }));
      }
      case FORGE -> {
        assertThat(net.evidence).isEmpty();
        long malformed =
            net.honest().stream()
                .mapToLong(x -> x.machine.metrics().rejected(Rejection.MALFORMED))
                .sum();
        long badSig =
            net.honest().stream()
                .mapToLong(x -> x.machine.metrics().rejected(Rejection.BAD_SIGNATURE))
                .sum();
        assertThat(malformed).isPositive();
        assertThat(badSig).isPositive();
      }
      case SILENT, HONEST -> assertThat(net.evidence).isEmpty();
    }
    assertThat(honestRejections).isPositive();
  }

  /**
   * The schedule that breaks naive view changes: commit proofs reach only some members, so some
   * finalize while the rest time out and change view; the block they hold prepared must be the one
   * every later view finalizes.
   */
  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("sizesAndSeeds")
  void shouldNeverFinalizeAnotherBlockWhenCommitProofsReachOnlySomeMembers(int n, long seed) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed));
    Random r = new Random(seed * 17);
    net.targetedDrop =
        (m, to) ->
            m instanceof ConsensusMessage.Certified c
                && c.certificate().phase() == Phase.COMMIT
                && r.nextInt(3) != 0;
    net.start();
    boolean done = net.runUntil(() -> net.finalized.size() >= 150, 900_000);
    net.checkSafety();
    LOG.info("{}", net.headline());
    assertThat(net.violations).isEmpty();
    assertThat(done).as("liveness: %s", net.summary()).isTrue();
    assertThat(net.reproposals).as("the schedule forces re-proposals").isPositive();
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void shouldCountVotingPowerNotHeads(long seed) {
    // Total 11: member 0 alone holds 5, so it plus any three others (8 > 22/3) is a quorum,
    // while the six others together (6) are not.
    List<Long> power = List.of(5L, 1L, 1L, 1L, 1L, 1L, 1L);
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(7, seed), null, power);
    net.start();
    assertThat(net.runUntil(() -> net.minHonestUpHeight() >= 20, 120_000)).isTrue();
    for (int i : List.of(1, 2, 3)) {
      net.crash(i);
    }
    long before = net.finalized.size();
    assertThat(net.runUntil(() -> net.finalized.size() >= before + 30, 300_000))
        .as("four of seven members holding 8 of 11: %s", net.summary())
        .isTrue();
    for (int i : List.of(1, 2, 3)) {
      net.restart(i);
    }
    net.crash(0);
    net.runFor(2_000);
    long stalled = net.finalized.size();
    net.runFor(30_000);
    assertThat(net.finalized.size())
        .as("six members holding 6 of 11 finalize nothing")
        .isEqualTo(stalled);
    net.restart(0);
    assertThat(net.runUntil(() -> net.minHonestUpHeight() >= stalled + 20, 300_000))
        .as(net.summary())
        .isTrue();
    net.checkSafety();
    assertThat(net.violations).isEmpty();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, SEEDS);
  }
}
