package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safety and liveness of FBFT over the simulated network. The default run keeps to a small number
 * of seeds; {@code -Dfugue.sim.seeds=N} runs N seeds per scenario.
 */
class FbftSimulationTest {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(FbftSimulationTest.class);
  private static final int SEEDS = Integer.getInteger("fugue.sim.seeds", 2);

  static Stream<Arguments> sizesAndSeeds() {
    return Stream.of(4, 7, 10)
        .flatMap(n -> LongStream.rangeClosed(1, SEEDS).mapToObj(s -> Arguments.of(n, s)));
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("sizesAndSeeds")
  void shouldFinalizeOneChainOnALossyReorderingNetwork(int n, long seed) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed));
    net.start();
    boolean done = net.runUntil(() -> net.minHonestUpHeight() >= 400, 600_000);
    net.checkSafety();
    LOG.info("{}", net.headline());
    assertThat(net.violations).isEmpty();
    assertThat(done).as("400 blocks on every node, reached %d", net.minHonestUpHeight()).isTrue();
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("sizesAndSeeds")
  void shouldProgressOnlyOnASideWithQuorumDuringAPartitionAndEverywhereAfterItHeals(
      int n, long seed) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed));
    net.start();
    net.runUntil(() -> net.minHonestUpHeight() >= 20, 60_000);
    Set<Integer> minority = Set.of(0, 1);
    net.partition(minority);
    net.runFor(1_000);
    long before = net.finalized.size();
    net.runFor(20_000);
    long during = net.finalized.size() - before;
    if (net.committee.hasQuorum(SignerBitmap.of(n, majority(n, minority)))) {
      assertThat(during).as("the side holding a quorum goes on").isGreaterThanOrEqualTo(5);
    } else {
      assertThat(during).as("no side holds a quorum").isZero();
    }
    long atHeal = net.finalized.size();
    net.heal();
    boolean done = net.runUntil(() -> net.minHonestUpHeight() >= atHeal + 50, 300_000);
    net.checkSafety();
    LOG.info("{}", net.headline());
    assertThat(net.violations).isEmpty();
    assertThat(done).as("progress after heal: %s", net.summary()).isTrue();
  }

  private static List<Integer> majority(int n, Set<Integer> minority) {
    return IntStream.range(0, n).filter(i -> !minority.contains(i)).boxed().toList();
  }
}
