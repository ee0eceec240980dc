package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Safety and liveness of FBFT over the simulated network. The default run keeps to a small number
 * of seeds; {@code -Dfugue.sim.seeds=N} runs N seeds per scenario.
 */
class FbftSimulationTest {
  private static final int SEEDS = Integer.getInteger("fugue.sim.seeds", 2);

  static Stream<Arguments> sizesAndSeeds() {
    return Stream.of(4, 7, 10).flatMap(n -> LongStream.rangeClosed(1, SEEDS).mapToObj(s -> Arguments.of(n, s)));
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("sizesAndSeeds")
  void shouldFinalizeOneChainOnALossyReorderingNetwork(int n, long seed) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed));
    net.start();
    boolean done = net.runUntil(() -> net.minHonestUpHeight() >= 300, 600_000);
    net.checkSafety();
    System.out.println(net.summary());
    assertThat(net.violations).isEmpty();
    assertThat(done).as("300 blocks on every node, reached %d", net.minHonestUpHeight()).isTrue();
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("sizesAndSeeds")
  void shouldResumeAfterAPartitionHeals(int n, long seed) {
    SimNetwork net = new SimNetwork(SimNetwork.Settings.of(n, seed));
    net.start();
    net.runUntil(() -> net.minHonestUpHeight() >= 20, 60_000);
    net.partition(Set.of(0, 1));
    net.runFor(10_000);
    long during = net.finalized.size();
    net.heal();
    boolean done = net.runUntil(() -> net.minHonestUpHeight() >= during + 50, 300_000);
    net.checkSafety();
    System.out.println(net.summary());
    assertThat(net.violations).isEmpty();
    assertThat(done).as("progress after heal: %d", net.minHonestUpHeight()).isTrue();
  }
}
