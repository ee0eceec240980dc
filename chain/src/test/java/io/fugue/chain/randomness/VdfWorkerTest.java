package io.fugue.chain.randomness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The worker over the real native VDF at the devnet's discriminant size. */
class VdfWorkerTest {
  private static final Hash32 PRND = Hashing.keccak256(Bytes.of((byte) 4));

  @Test
  void shouldEvaluateOffThreadAndVerifyOnlyTheRightInputs() throws Exception {
    AtomicReference<String> thread = new AtomicReference<>();
    VdfBackend backend = new NativeVdfBackend(NativeVdfBackend.DEVNET_BITS);
    VdfBackend spy =
        new VdfBackend() {
          @Override
          public Bytes eval(Hash32 challenge, long iterations) {
            thread.set(Thread.currentThread().getName());
            return backend.eval(challenge, iterations);
          }

          @Override
          public boolean verify(Hash32 challenge, long iterations, Bytes output) {
            return backend.verify(challenge, iterations, output);
          }
        };
    try (VdfWorker worker = new VdfWorker(spy)) {
      Bytes out =
          worker.evaluate(PRND, 1_000).get(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
      assertThat(thread.get()).isEqualTo(VdfWorker.THREAD_NAME);
      assertThat(worker.verify(PRND, 1_000, out)).isTrue();
      assertThat(worker.verify(PRND, 1_001, out)).as("another T").isFalse();
      assertThat(worker.verify(Hash32.ZERO, 1_000, out)).as("another pRnd").isFalse();
      byte[] bad = out.toArray();
      bad[bad.length - 3] ^= 1;
      assertThat(worker.verify(PRND, 1_000, Bytes.of(bad))).as("tampered proof").isFalse();
      assertThat(worker.verify(PRND, 1_000, Bytes.EMPTY)).as("missing").isFalse();
    }
  }
}
