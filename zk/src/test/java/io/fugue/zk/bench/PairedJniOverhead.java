package io.fugue.zk.bench;

import io.fugue.nativelib.NativeZk;
import io.fugue.nativelib.NativeZkTiming;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * JNI overhead measured in pairs: each round times k verifications through JNI and k of the same
 * verifications looped inside Rust (timed by Rust), in alternating order, so both halves of a pair
 * run under the same load of this shared machine. Prints the median of the per-round ratios. Run by
 * {@code -Pbench} after JMH.
 */
public final class PairedJniOverhead {
  private static final byte[] LABEL = "fugue.bench.v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CONTEXT = "query-1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NONE = new byte[0];
  private static final int ROUNDS = 15;

  private PairedJniOverhead() {}

  public static void main(String[] args) {
    System.out.println(
        "| operation (paired, "
            + ROUNDS
            + " rounds) | JNI per op | Rust per op"
            + " | JNI/Rust (median of pairs) | min | max |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (int m : new int[] {1, 2, 4, 8, 16}) {
      verify(m, Math.max(2, 40 / m));
    }
    batch(64, 2);
  }

  private static void verify(int m, int k) {
    long[] values = new long[m];
    Arrays.fill(values, -1L);
    byte[] blindings = new byte[32 * m];
    for (int i = 0; i < m; i++) {
      System.arraycopy(NativeZk.randomScalar(), 0, blindings, 32 * i, 32);
    }
    NativeZk.Proven p = NativeZk.prove(values, blindings, 64, LABEL, CONTEXT, NONE);
    byte[] proof = p.proof();
    byte[] cs = p.commitments();
    LongSupplier jni =
        () -> {
          long start = System.nanoTime();
          for (int i = 0; i < k; i++) {
            if (NativeZk.verify(proof, cs, 64, LABEL, CONTEXT, NONE) != null) {
              throw new IllegalStateException("benchmark proof does not verify");
            }
          }
          return System.nanoTime() - start;
        };
    LongSupplier rust = () -> NativeZkTiming.timeVerify(proof, cs, 64, LABEL, CONTEXT, k);
    report("verify, 64-bit, m=" + m, k, jni, rust);
  }

  private static void batch(int count, int k) {
    byte[][] proofs = new byte[count][];
    byte[][] cs = new byte[count][];
    int[] ns = new int[count];
    byte[][] labels = new byte[count][];
    byte[][] contexts = new byte[count][];
    byte[][] statements = new byte[count][];
    for (int i = 0; i < count; i++) {
      NativeZk.Proven p =
          NativeZk.prove(new long[] {-1L}, NativeZk.randomScalar(), 64, LABEL, CONTEXT, NONE);
      proofs[i] = p.proof();
      cs[i] = p.commitments();
      ns[i] = 64;
      labels[i] = LABEL;
      contexts[i] = CONTEXT;
      statements[i] = NONE;
    }
    LongSupplier jniBatch =
        () -> {
          long start = System.nanoTime();
          for (int i = 0; i < k; i++) {
            NativeZk.batchVerify(proofs, cs, ns, labels, contexts, statements);
          }
          return System.nanoTime() - start;
        };
    LongSupplier rustBatch =
        () -> NativeZkTiming.timeBatchVerify(proofs, cs, ns, LABEL, CONTEXT, k);
    report("batch verify, " + count + " proofs", k, jniBatch, rustBatch);
    LongSupplier jniSingles =
        () -> {
          long start = System.nanoTime();
          for (int r = 0; r < k; r++) {
            for (int i = 0; i < count; i++) {
              NativeZk.verify(proofs[i], cs[i], 64, LABEL, CONTEXT, NONE);
            }
          }
          return System.nanoTime() - start;
        };
    double[] speedups = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long batch = jniBatch.getAsLong();
      long singles = jniSingles.getAsLong();
      speedups[r] = (double) singles / batch;
    }
    Arrays.sort(speedups);
    System.out.printf(
        "%nJNI batch of %d vs %d single JNI verifies, paired: %.2fx faster per proof (median;"
            + " min %.2fx, max %.2fx)%n",
        count, count, speedups[ROUNDS / 2], speedups[0], speedups[ROUNDS - 1]);
  }

  private static void report(String name, int k, LongSupplier jni, LongSupplier rust) {
    jni.getAsLong(); // warm-up of both paths
    rust.getAsLong();
    double[] ratios = new double[ROUNDS];
    long jniTotal = 0;
    long rustTotal = 0;
    for (int r = 0; r < ROUNDS; r++) {
      boolean jniFirst = r % 2 == 0;
      long a = jniFirst ? jni.getAsLong() : rust.getAsLong();
      long b = jniFirst ? rust.getAsLong() : jni.getAsLong();
      long j = jniFirst ? a : b;
      long n = jniFirst ? b : a;
      ratios[r] = (double) j / n;
      jniTotal += j;
      rustTotal += n;
    }
    Arrays.sort(ratios);
    System.out.printf(
        "| %s | %,.0f µs | %,.0f µs | %.3f | %.3f | %.3f |%n",
        name,
        jniTotal / 1e3 / ROUNDS / k,
        rustTotal / 1e3 / ROUNDS / k,
        ratios[ROUNDS / 2],
        ratios[0],
        ratios[ROUNDS - 1]);
  }
}
