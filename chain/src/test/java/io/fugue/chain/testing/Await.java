package io.fugue.chain.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one bounded wait of the tests: polls a condition until it holds or the deadline passes, then
 * fails with what it waited for (and the last value seen). Never an open-ended sleep.
 */
public final class Await {
  private static final long POLL_MILLIS = 50;

  private Await() {}

  /**
   * Polls {@code condition} until it holds; an {@link AssertionError} naming {@code what} at the
   * deadline.
   */
  public static void until(String what, Duration deadline, BooleanSupplier condition) {
    value(what, deadline, condition::getAsBoolean, done -> done);
  }

  /**
   * Reads {@code read} until {@code done} accepts the value and returns it; at the deadline fails
   * with {@code what} and the last value read.
   */
  public static <T> T value(
      String what, Duration deadline, Supplier<T> read, Predicate<? super T> done) {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      T v = read.get();
      if (done.test(v)) {
        return v;
      }
      if (System.nanoTime() - end > 0) {
        throw new AssertionError(
            "timed out after " + deadline + " waiting for " + what + "; last: " + v);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
