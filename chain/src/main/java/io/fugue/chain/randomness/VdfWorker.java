package io.fugue.chain.randomness;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluates epoch VDFs on one dedicated daemon thread ({@value #THREAD_NAME}), never on the
 * consensus thread: a leader (or any node that wants to) starts the evaluation when pRnd is fixed
 * and proposes the output when the future completes. {@link #close} stops the thread; an evaluation
 * under way finishes first.
 */
public final class VdfWorker implements AutoCloseable {
  public static final String THREAD_NAME = "fugue-vdf-worker";

  private final VdfBackend backend;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
          });

  public VdfWorker(VdfBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** The VDF output (y ‖ π) of epoch randomness input {@code pRnd} at {@code iterations}. */
  public CompletableFuture<Bytes> evaluate(Hash32 pRnd, long iterations) {
    Hash32 challenge = EpochRandomness.discriminantSeed(pRnd, iterations);
    return CompletableFuture.supplyAsync(() -> backend.eval(challenge, iterations), executor);
  }

  /** Checks a proposed output for {@code pRnd} at the T every node computed. Cheap: inline. */
  public boolean verify(Hash32 pRnd, long iterations, Bytes output) {
    return backend.verify(EpochRandomness.discriminantSeed(pRnd, iterations), iterations, output);
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
