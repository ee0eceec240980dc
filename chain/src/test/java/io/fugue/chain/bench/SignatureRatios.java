package io.fugue.chain.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Side-by-side ratios of the {@link SignatureBenchmark} operations, for a machine shared with other
 * work: each round times every operation for about 50 ms, back to back, and the ratio to {@code
 * blsVerify} is taken within the round, so load that changes between rounds cancels out. Prints the
 * median over rounds and the interquartile range. Run as docs/benchmarks.md says.
 */
public final class SignatureRatios {
  private static final int ROUNDS = 40;

  private SignatureRatios() {}

  public static void main(String[] args) {
    SignatureBenchmark b = new SignatureBenchmark();
    b.setUp();
    Map<String, BooleanSupplier> ops = new LinkedHashMap<>();
    ops.put("blsVerify", b::blsVerify);
    ops.put("secp256k1Recover", () -> b.secp256k1Recover().isPresent());
    ops.put("blsFastAggregateVerify100", b::blsFastAggregateVerify100);
    ops.put("blsVerifyCachedAggregateKey100", b::blsVerifyCachedAggregateKey100);
    ops.put("blsBatchVerify16", b::blsBatchVerify16);
    ops.put("transactionDecode", () -> b.transactionDecode() != null);
    ops.put("transactionDecodeAndRecover", () -> b.transactionDecodeAndRecover().isPresent());
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    ops.keySet().forEach(k -> nanos.put(k, new ArrayList<>()));
    for (int round = -5; round < ROUNDS; round++) {
      for (Map.Entry<String, BooleanSupplier> op : ops.entrySet()) {
        double perOp = time(op.getValue());
        if (round >= 0) {
          nanos.get(op.getKey()).add(perOp);
        }
      }
    }
    List<Double> base = nanos.get("blsVerify");
    System.out.printf(
        "%-32s %12s %14s %22s%n", "operation", "median µs", "ops/s", "time vs blsVerify");
    for (Map.Entry<String, List<Double>> e : nanos.entrySet()) {
      double[] ratios = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        ratios[i] = e.getValue().get(i) / base.get(i);
      }
      double median = median(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
      System.out.printf(
          Locale.ROOT,
          "%-32s %12.1f %14.1f %10.3f [%.3f, %.3f]%n",
          e.getKey(),
          median / 1e3,
          1e9 / median,
          median(ratios),
          quantile(ratios, 0.25),
          quantile(ratios, 0.75));
    }
  }

  /** Nanoseconds per operation over about 50 ms. */
  private static double time(BooleanSupplier op) {
    long start = System.nanoTime();
    long deadline = start + 50_000_000L;
    int n = 0;
    boolean all = true;
    do {
      all &= op.getAsBoolean();
      n++;
    } while (System.nanoTime() < deadline);
    if (!all) {
      throw new IllegalStateException("an operation failed to verify");
    }
    return (System.nanoTime() - start) / (double) n;
  }

  private static double median(double[] v) {
    return quantile(v, 0.5);
  }

  private static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.round(q * (s.length - 1))];
  }
}
