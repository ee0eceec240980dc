package io.fugue.api.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs backend port calls on the API's named worker pool, so a port that does RocksDB or JNI work
 * before returning its future never blocks an event loop, and bounds how long a call may take.
 */
public final class BackendCalls {
  private final WorkerExecutor worker;
  private final Duration timeout;

  public BackendCalls(WorkerExecutor worker, Duration timeout) {
    this.worker = Objects.requireNonNull(worker, "worker");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public <T> Future<T> call(Callable<Future<T>> call) {
    // ordered=false: independent requests must not queue behind one slow call.
    Future<T> result = worker.executeBlocking(call, false).compose(f -> f);
    return result
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof TimeoutException
                        ? ProblemException.of(
                            503,
                            "backend-timeout",
                            "Backend unavailable",
                            "the backend did not answer within " + timeout.toMillis() + " ms")
                        : e));
  }

  /** Runs a synchronous, possibly CPU-heavy computation (signature checks) off the event loop. */
  public <T> Future<T> compute(Callable<T> call) {
    return worker.executeBlocking(call, false);
  }
}
