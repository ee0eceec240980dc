package io.fugue.zk.bench;

import io.fugue.nativelib.NativeZk;
import io.fugue.zk.BitSize;
import io.fugue.zk.Opening;
import io.fugue.zk.RangeProof;
import io.fugue.zk.RangeProver;
import io.fugue.zk.RangeVerifier;
import io.fugue.zk.TranscriptContext;
import io.fugue.zk.Verification;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The zk operations over JNI, mirroring native/benches/zk.rs (same inputs, same names) so that
 * zk/bench/compare.py can report the JNI/Rust ratio for each. Short runs: the machine is shared.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 2)
public class ZkBenchmark {
  static final byte[] LABEL = "fugue.bench.v1".getBytes(StandardCharsets.UTF_8);
  static final byte[] CONTEXT = "query-1".getBytes(StandardCharsets.UTF_8);
  static final byte[] STATEMENT = new byte[0];
  static final int BATCH = 64;

  /** One aggregated 64-bit proof of m values. */
  @State(Scope.Benchmark)
  public static class Aggregated {
    @Param({"1", "2", "4", "8", "16"})
    public int m;

    long[] values;
    byte[] blindings;
    byte[] proof;
    byte[] commitments;

    @Setup(Level.Trial)
    public void setUp() {
      values = new long[m];
      blindings = new byte[m * 32];
      for (int i = 0; i < m; i++) {
        values[i] = -1L - i; // 2^64 - 1 - i unsigned, as in the Rust bench
        System.arraycopy(NativeZk.randomScalar(), 0, blindings, i * 32, 32);
      }
      NativeZk.Proven p = NativeZk.prove(values, blindings, 64, LABEL, CONTEXT, STATEMENT);
      proof = p.proof();
      commitments = p.commitments();
      for (int i = 0; i < m; i++) {
        values[i] = i; // prove() measures with small values, as the Rust bench does
      }
    }
  }

  /** 64 independent single-value 64-bit proofs. */
  @State(Scope.Benchmark)
  public static class Batch {
    byte[][] proofs = new byte[BATCH][];
    byte[][] commitments = new byte[BATCH][];
    int[] ns = new int[BATCH];
    byte[][] labels = new byte[BATCH][];
    byte[][] contexts = new byte[BATCH][];
    byte[][] statements = new byte[BATCH][];

    @Setup(Level.Trial)
    public void setUp() {
      for (int i = 0; i < BATCH; i++) {
        NativeZk.Proven p =
            NativeZk.prove(
                new long[] {-1L}, NativeZk.randomScalar(), 64, LABEL, CONTEXT, STATEMENT);
        proofs[i] = p.proof();
        commitments[i] = p.commitments();
        ns[i] = 64;
        labels[i] = LABEL;
        contexts[i] = CONTEXT;
        statements[i] = STATEMENT;
      }
    }
  }

  /** The full Java API path for one atLeast proof: derivation, statement binding, JNI. */
  @State(Scope.Benchmark)
  public static class Api {
    final RangeVerifier verifier = new RangeVerifier();
    final TranscriptContext context = TranscriptContext.of("fugue.bench.v1", CONTEXT);
    Opening opening;
    RangeProof proof;

    @Setup(Level.Trial)
    public void setUp() {
      opening = Opening.random(Long.MAX_VALUE);
      proof = new RangeProver().atLeast(opening, 1_000_000, BitSize.B64, context);
    }
  }

  @Benchmark
  public NativeZk.Proven prove(Aggregated s) {
    return NativeZk.prove(s.values, s.blindings, 64, LABEL, CONTEXT, STATEMENT);
  }

  @Benchmark
  public String verify(Aggregated s) {
    return NativeZk.verify(s.proof, s.commitments, 64, LABEL, CONTEXT, STATEMENT);
  }

  @Benchmark
  public String[] batchVerify64(Batch b) {
    return NativeZk.batchVerify(b.proofs, b.commitments, b.ns, b.labels, b.contexts, b.statements);
  }

  @Benchmark
  public int singleVerify64(Batch b) {
    int invalid = 0;
    for (int i = 0; i < BATCH; i++) {
      invalid +=
          NativeZk.verify(b.proofs[i], b.commitments[i], 64, LABEL, CONTEXT, STATEMENT) == null
              ? 0
              : 1;
    }
    return invalid;
  }

  @Benchmark
  public Verification apiVerifyAtLeast(Api a) {
    return a.verifier.atLeast(a.opening.commitment(), 1_000_000, BitSize.B64, a.proof, a.context);
  }
}
