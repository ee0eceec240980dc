package io.fugue.zk;

import io.fugue.nativelib.NativeException;
import java.util.function.Supplier;

/** Runs native calls so that every native failure reaches callers as a {@link ZkException}. */
final class Native {
  private Native() {}

  static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (NativeException e) {
      throw new ZkException(e.getMessage(), e);
    } catch (LinkageError e) {
      // The library failed to load (ExceptionInInitializerError, UnsatisfiedLinkError).
      throw new ZkException("native library unavailable: " + e, e);
    }
  }

  static void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }
}
