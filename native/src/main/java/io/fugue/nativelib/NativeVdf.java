package io.fugue.nativelib;

/**
 * Wesolowski VDF over the class group of an imaginary quadratic field, from {@code libfugue_native}
 * ({@code native/rust/vdf} over the {@code vdf} crate and libgmp; ADR 0018).
 *
 * <p>The group's discriminant (of {@code bits} bits, a multiple of 16 in 256..2048) is derived from
 * the challenge bytes, so there is no trusted setup. An output is {@code y ‖ π}, {@link
 * #outputBytes} bytes. Evaluation takes time linear in {@code iterations} and must run on a worker
 * thread, never on consensus or an event loop; verification is cheap. Bad arguments throw {@link
 * NativeException}; a malformed or wrong output only makes {@link #verify} false.
 *
 * <p>Thread safety: stateless; callable from any number of threads.
 */
public final class NativeVdf {
  public static final int MIN_BITS = 256;
  public static final int MAX_BITS = 2_048;
  public static final int MAX_CHALLENGE_BYTES = 1_024;
  public static final long MAX_ITERATIONS = 1L << 40;

  static {
    NativeLoader.load();
  }

  private NativeVdf() {}

  /** Bytes of {@code y ‖ π} for a discriminant of {@code bits} bits. */
  public static int outputBytes(int bits) {
    checkBits(bits);
    return 4 * (bits / 16 + 1);
  }

  /** y = g^(2^iterations) with its Wesolowski proof. */
  public static byte[] eval(int bits, byte[] challenge, long iterations) {
    check(bits, challenge, iterations);
    return evalNative(bits, challenge, iterations);
  }

  /** True if {@code output} is the VDF output with a valid proof for these parameters. */
  public static boolean verify(int bits, byte[] challenge, long iterations, byte[] output) {
    check(bits, challenge, iterations);
    if (output == null) {
      throw new NativeException("output must not be null");
    }
    if (output.length != outputBytes(bits)) {
      return false;
    }
    return verifyNative(bits, challenge, iterations, output);
  }

  private static void checkBits(int bits) {
    if (bits < MIN_BITS || bits > MAX_BITS || bits % 16 != 0) {
      throw new NativeException(
          "discriminant bits must be a multiple of 16 in " + MIN_BITS + ".." + MAX_BITS);
    }
  }

  private static void check(int bits, byte[] challenge, long iterations) {
    checkBits(bits);
    if (challenge == null || challenge.length == 0 || challenge.length > MAX_CHALLENGE_BYTES) {
      throw new NativeException("challenge must be 1.." + MAX_CHALLENGE_BYTES + " bytes");
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new NativeException("iterations must be in 1.." + MAX_ITERATIONS);
    }
  }

  private static native byte[] evalNative(int bits, byte[] challenge, long iterations);

  private static native boolean verifyNative(
      int bits, byte[] challenge, long iterations, byte[] output);
}
