package io.fugue.chain.staking.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.staking.CuckooParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator at tiny numbers: its logic, not its figures (docs/benchmarks.md has those). */
class ReshardingSimulationTest {
  private static ReshardingSimulation.Result run(ReshardingSimulation.Rule rule, double f) {
    return new ReshardingSimulation(
            new ReshardingSimulation.Config(rule, 160, 4, 40, f, 4, 2, CuckooParams.defaults(), 7))
        .run();
  }

  @Test
  void shouldBeDeterministic() {
    ReshardingSimulation.Result a = run(ReshardingSimulation.Rule.CUCKOO, 0.25);
    ReshardingSimulation.Result b = run(ReshardingSimulation.Rule.CUCKOO, 0.25);
    assertThat(a.maxSharePerEpoch()).containsExactly(b.maxSharePerEpoch());
  }

  @Test
  void shouldLetAKeyGrindingAdversaryTakeOverKeyModShards() {
    ReshardingSimulation.Result grind = run(ReshardingSimulation.Rule.KEY_MOD_SHARDS, 0.25);
    ReshardingSimulation.Result cuckoo = run(ReshardingSimulation.Rule.CUCKOO, 0.25);
    ReshardingSimulation.Result uniform = run(ReshardingSimulation.Rule.UNIFORM, 0.25);
    // all 40 adversarial keys end in one shard of about 68: a share near 0.59
    assertThat(grind.maxShare()).isGreaterThan(0.55);
    assertThat(grind.takeoverEpochs())
        .isGreaterThan(cuckoo.takeoverEpochs())
        .isGreaterThan(uniform.takeoverEpochs());
  }

  @Test
  void shouldReportSharesWithinBounds() {
    for (ReshardingSimulation.Rule rule : ReshardingSimulation.Rule.values()) {
      ReshardingSimulation.Result r = run(rule, 1.0 / 3);
      assertThat(r.maxSharePerEpoch()).hasSize(40);
      for (double v : r.maxSharePerEpoch()) {
        // some shard always holds at least the average share
        assertThat(v).isBetween(0.25, 1.0);
      }
      assertThat(r.takeoverEpochs()).isBetween(0L, 40L);
    }
  }

  @Test
  void shouldWriteThePlot(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("plot.png");
    SharePlot.write(
        List.of(
            run(ReshardingSimulation.Rule.CUCKOO, 0.25),
            run(ReshardingSimulation.Rule.UNIFORM, 0.25)),
        png);
    assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }
}
