package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A paired companion of {@link LedgerExecutionBenchmark} for a loaded machine: for each block of
 * 1,000 transfers it times, back to back, the recovery of the senders of one fresh decoding and the
 * import (validate + commit on RocksDB) of another, and reports medians and the median of the
 * per-block ratio, which drifting background load affects far less than two separate JMH runs.
 * Usage: {@code SignatureShareProbe [blocks] [warmupBlocks]}; command in docs/benchmarks.md.
 */
public final class SignatureShareProbe {
  private SignatureShareProbe() {}

  public static void main(String[] args) throws IOException {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path dir = Files.createTempDirectory("ledger-probe");
    int n = LedgerExecutionBenchmark.TRANSFERS;
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.defaults())) {
      TestChain chain = new TestChain(store, RateLimits.none(), LedgerExecutionBenchmark.SENDERS);
      // The proposer builds on its own store, so the measured node imports received blocks.
      TestChain proposer =
          new TestChain(
              new io.fugue.chain.storage.InMemoryKeyValueStore(),
              RateLimits.none(),
              LedgerExecutionBenchmark.SENDERS);
      long[] nonces = new long[LedgerExecutionBenchmark.SENDERS];
      SplittableRandom random = new SplittableRandom(11);
      double[] imports = new double[blocks];
      double[] recovers = new double[blocks];
      double[] ratios = new double[blocks];
      for (int b = -warmup; b < blocks; b++) {
        List<Transaction> txs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          int from = i % nonces.length;
          byte[] to = new byte[20];
          to[0] = (byte) 0xbe;
          to[19] = (byte) random.nextInt(256);
          txs.add(
              proposer.transfer(from, Address.of(to), 1 + random.nextInt(1000), 1, nonces[from]++));
        }
        Block built = proposer.build(txs).block();
        chain.clock.set(proposer.clock.millis());
        Block a = Block.decode(built.encode(), chain.config.limits());
        Block twin = Block.decode(built.encode(), chain.config.limits());
        long t0 = System.nanoTime();
        int recovered = 0;
        for (Transaction tx : twin.body().transactions()) {
          recovered += tx.sender().isPresent() ? 1 : 0;
        }
        long t1 = System.nanoTime();
        if (!chain.chain.importBlock(a).isAccepted() || recovered != n) {
          throw new IllegalStateException("block " + b + " was not imported");
        }
        long t2 = System.nanoTime();
        if (!proposer.chain.importBlock(built).isAccepted()) {
          throw new IllegalStateException("proposer could not commit block " + b);
        }
        if (b >= 0) {
          recovers[b] = (t1 - t0) / 1e6;
          imports[b] = (t2 - t1) / 1e6;
          ratios[b] = recovers[b] / imports[b];
        }
      }
      double imp = median(imports);
      System.out.printf("blocks %d of %d transfers after %d warm-up blocks%n", blocks, n, warmup);
      System.out.printf(
          "import (validate + commit): median %.1f ms/block = %.0f transfers/s%n",
          imp, n / (imp / 1000));
      System.out.printf(
          "sender recovery: median %.1f ms/block = %.0f recoveries/s%n",
          median(recovers), n / (median(recovers) / 1000));
      System.out.printf(
          "signature share of import: median of per-block ratios %.1f %% "
              + "(quartiles %.1f %% .. %.1f %%)%n",
          100 * median(ratios), 100 * quantile(ratios, 0.25), 100 * quantile(ratios, 0.75));
    }
  }

  private static double median(double[] v) {
    return quantile(v, 0.5);
  }

  private static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
  }
}
