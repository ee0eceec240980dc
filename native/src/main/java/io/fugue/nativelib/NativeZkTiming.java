package io.fugue.nativelib;

/**
 * Benchmark support, not used by the library: runs a pure-Rust operation {@code k} times inside one
 * native call and returns the nanoseconds Rust measured. A benchmark alternates this with {@code k}
 * calls through {@link NativeZk}, so both see the same machine load and their ratio is the JNI
 * overhead. The proofs must be valid (an invalid one throws {@link NativeException}).
 *
 * <p>Only a library built with the cargo feature {@code bench-timing} (Maven profile {@code bench})
 * has these exports; in the production library a call throws {@link UnsatisfiedLinkError}.
 */
public final class NativeZkTiming {
  static {
    NativeLoader.load();
  }

  private NativeZkTiming() {}

  /** Nanoseconds for k pure-Rust verifications of one proof (empty statement). */
  public static long timeVerify(
      byte[] proof, byte[] commitments, int n, byte[] label, byte[] context, int k) {
    return timeVerifyNative(proof, commitments, n, label, context, k);
  }

  /** Nanoseconds for k pure-Rust batch verifications of the same proofs (empty statements). */
  public static long timeBatchVerify(
      byte[][] proofs, byte[][] commitments, int[] ns, byte[] label, byte[] context, int k) {
    return timeBatchVerifyNative(proofs, commitments, ns, label, context, k);
  }

  private static native long timeVerifyNative(
      byte[] proof, byte[] commitments, int n, byte[] label, byte[] context, int k);

  private static native long timeBatchVerifyNative(
      byte[][] proofs, byte[][] commitments, int[] ns, byte[] label, byte[] context, int k);
}
