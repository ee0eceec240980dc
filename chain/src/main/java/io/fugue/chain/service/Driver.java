package io.fugue.chain.service;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one named daemon thread that owns a service's state: network threads hand it work with {@link
 * #execute}, which refuses (returns false) once the service no longer runs. A task that throws is
 * logged, never lost in a future; a periodic task keeps running after a failed round.
 */
public final class Driver {
  private static final Logger LOG = LoggerFactory.getLogger(Driver.class);

  private final String name;
  private final ScheduledThreadPoolExecutor executor;
  private final BooleanSupplier running;

  /**
   * @param running whether tasks are still accepted (the owning service's state)
   */
  public Driver(String name, BooleanSupplier running) {
    this.name = name;
    this.running = running;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /** Runs {@code action} on the driver; false if the service no longer runs. */
  public boolean execute(Runnable action) {
    if (!running.getAsBoolean()) {
      return false;
    }
    try {
      executor.execute(() -> guarded(action));
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Runs {@code task} on the driver and returns its future (for start-up work the caller waits on).
   */
  public <T> Future<T> submit(Callable<T> task) {
    return executor.submit(task);
  }

  public ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
    return executor.schedule(() -> guarded(action), delayMillis, TimeUnit.MILLISECONDS);
  }

  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable action, long initialMillis, long delayMillis) {
    return executor.scheduleWithFixedDelay(
        () -> guarded(action), initialMillis, delayMillis, TimeUnit.MILLISECONDS);
  }

  /** True when called on this driver's thread. */
  public boolean isCurrentThread() {
    return Thread.currentThread().getName().equals(name);
  }

  /**
   * Stops the thread, interrupting a running task, and waits up to ten seconds for it (not from
   * itself).
   */
  public void shutdown() {
    executor.shutdownNow();
    if (isCurrentThread()) {
      return;
    }
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("{} did not stop within 10 s", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void guarded(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("{} task failed", name, e);
    }
  }
}
