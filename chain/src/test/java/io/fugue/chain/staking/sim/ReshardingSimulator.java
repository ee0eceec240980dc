package io.fugue.chain.staking.sim;

import io.fugue.chain.staking.CuckooParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's main: every rule against an adversary of 1/4 and 1/3 of the stake, a Markdown
 * table on standard output and a PNG plot. Arguments (all optional): nodes shards epochs
 * restakePerEpoch honestChurn png cuckooRegionSlots. The full run (docs/benchmarks.md) is the
 * default.
 */
public final class ReshardingSimulator {
  private ReshardingSimulator() {}

  public static void main(String[] args) throws IOException {
    int nodes = arg(args, 0, 10_000);
    int shards = arg(args, 1, 16);
    int epochs = arg(args, 2, 10_000);
    int restake = arg(args, 3, 50);
    int churn = arg(args, 4, 50);
    Path png = Path.of(args.length > 5 ? args[5] : "docs/resharding-simulation.png");
    CuckooParams cuckoo =
        new CuckooParams(arg(args, 6, CuckooParams.defaults().regionSlots()), 32, 12_000);
    List<ReshardingSimulation.Result> results = new ArrayList<>();
    System.out.printf(
        Locale.ROOT,
        "%d nodes, %d shards, %d epochs, adversary re-stakes %d keys/epoch, honest churn %d/epoch,"
            + " Cuckoo k = %d%n%n",
        nodes,
        shards,
        epochs,
        restake,
        churn,
        cuckoo.regionSlots());
    System.out.println(
        "| rule | adversary | max share in a shard | epochs with a shard ≥ 1/3 | wall |");
    System.out.println("|---|---|---|---|---|");
    for (double f : new double[] {0.25, 1.0 / 3}) {
      for (ReshardingSimulation.Rule rule : ReshardingSimulation.Rule.values()) {
        ReshardingSimulation.Result r =
            new ReshardingSimulation(
                    new ReshardingSimulation.Config(
                        rule, nodes, shards, epochs, f, restake, churn, cuckoo, 1))
                .run();
        results.add(r);
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %.4f | %.4f (%d of %d) | %.1f s |%n",
            rule,
            f == 0.25 ? "1/4" : "1/3",
            r.maxShare(),
            r.takeoverFraction(),
            r.takeoverEpochs(),
            epochs,
            r.millis() / 1000.0);
      }
    }
    SharePlot.write(results, png);
    System.out.println();
    System.out.println("plot: " + png);
  }

  private static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }
}
