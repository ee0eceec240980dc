package io.fugue.api.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waiting, bounded, for a start or stop step of the node wiring (the API's deploy or close). */
final class Await {
  private static final long SECONDS = 30;

  private Await() {}

  /** Waits up to 30 s for {@code f}; any failure, timeout or interrupt names {@code what}. */
  static void done(CompletableFuture<?> f, String what) {
    try {
      f.get(SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    } catch (Exception e) {
      throw new IllegalStateException("failed waiting for " + what + ": " + e.getMessage(), e);
    }
  }
}
