package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentVerificationIT {
  private static final int THREADS = 16;
  private static final int ROUNDS = 20;

  @Test
  void shouldGiveTheSameAnswersWhenManyThreadsShareOneVerifier() throws Exception {
    RangeProver prover = new RangeProver();
    RangeVerifier verifier = new RangeVerifier();
    TranscriptContext ctx = TranscriptContext.of("fugue.test.v1", new byte[] {7});
    Opening o = Opening.random(5000);
    RangeStatement good = RangeStatement.atLeast(o.commitment(), 4000, BitSize.B32);
    RangeStatement tooHigh = RangeStatement.atLeast(o.commitment(), 4001, BitSize.B32);
    RangeProof proof = prover.prove(good, List.of(o), ctx).orElseThrow();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<int[]>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        Callable<int[]> task =
            () -> {
              start.await();
              int[] counts = new int[2];
              for (int r = 0; r < ROUNDS; r++) {
                counts[0] += verifier.verify(good, proof, ctx).isValid() ? 1 : 0;
                counts[1] += verifier.verify(tooHigh, proof, ctx).isValid() ? 1 : 0;
              }
              return counts;
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<int[]> f : results) {
        int[] counts = f.get(120, TimeUnit.SECONDS);
        assertThat(counts[0]).isEqualTo(ROUNDS);
        assertThat(counts[1]).isZero();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
