package io.fugue.nativelib;

/**
 * RFC 9497 VOPRF, ciphersuite ristretto255-SHA512 (mode 0x01), and the scalar-field arithmetic of
 * t-of-n keys, from {@code libfugue_native} ({@code native/rust/oprf}, written over
 * curve25519-dalek 4; ADR 0014).
 *
 * <p>Everything is {@code byte[]}: elements are 32-byte compressed ristretto255 encodings (never
 * the identity), scalars 32-byte canonical little-endian encodings, several elements travel
 * concatenated, a proof is {@code c || s} (64 bytes) and an output is 64 bytes of SHA-512. Lengths
 * are checked here and again in Rust; bad input throws {@link NativeException} with a message that
 * never contains a key, a blind or an input.
 *
 * <p>Thread safety: stateless; callable from any number of threads.
 */
public final class NativeOprf {
  /** Bytes of an element. */
  public static final int ELEMENT_BYTES = 32;

  /** Bytes of a scalar. */
  public static final int SCALAR_BYTES = 32;

  /** Bytes of a proof. */
  public static final int PROOF_BYTES = 64;

  /** Bytes of an output. */
  public static final int OUTPUT_BYTES = 64;

  /** Largest number of elements under one batched proof. */
  public static final int MAX_BATCH = 10_000;

  /** Longest private input. */
  public static final int MAX_INPUT_BYTES = 65_535;

  /** Largest number of parties of a threshold key (indices 1 to 255). */
  public static final int MAX_PARTIES = 255;

  static {
    NativeLoader.load();
  }

  private NativeOprf() {}

  /** DeriveKeyPair (RFC 9497 §3.2.1): {@code skS || pkS}, 64 bytes. */
  public static byte[] deriveKeyPair(byte[] seed, byte[] info) {
    checkLength(seed, 32, "seed");
    checkMax(info, MAX_INPUT_BYTES, "key info");
    return deriveKeyPairNative(seed, info);
  }

  /** scalar·G. */
  public static byte[] baseMul(byte[] scalar) {
    checkLength(scalar, SCALAR_BYTES, "scalar");
    return baseMulNative(scalar);
  }

  /** scalar·P. */
  public static byte[] pointMul(byte[] point, byte[] scalar) {
    checkLength(point, ELEMENT_BYTES, "point");
    checkLength(scalar, SCALAR_BYTES, "scalar");
    return pointMulNative(point, scalar);
  }

  /** a·b modulo the group order. */
  public static byte[] scalarMul(byte[] a, byte[] b) {
    checkLength(a, SCALAR_BYTES, "a");
    checkLength(b, SCALAR_BYTES, "b");
    return scalarMulNative(a, b);
  }

  /** blind·HashToGroup(input); the blind must be a non-zero scalar. */
  public static byte[] blind(byte[] input, byte[] blind) {
    checkMax(input, MAX_INPUT_BYTES, "input");
    checkLength(blind, SCALAR_BYTES, "blind");
    return blindNative(input, blind);
  }

  /**
   * BlindEvaluate of n blinded elements with one batched DLEQ proof.
   *
   * @param randomness the proof's random scalar, or {@code null} to draw one from the OS
   * @return n × 32 bytes of evaluated elements followed by the 64-byte proof
   */
  public static byte[] blindEvaluate(byte[] key, byte[] blinded, byte[] randomness) {
    checkLength(key, SCALAR_BYTES, "key");
    checkElements(blinded, "blinded elements");
    if (randomness != null) {
      checkLength(randomness, SCALAR_BYTES, "randomness");
    }
    return blindEvaluateNative(key, blinded, randomness);
  }

  /** VerifyProof; false for any evaluation or proof that does not verify. */
  public static boolean verifyProof(
      byte[] publicKey, byte[] blinded, byte[] evaluated, byte[] proof) {
    checkLength(publicKey, ELEMENT_BYTES, "public key");
    checkElements(blinded, "blinded elements");
    nonNull(evaluated, "evaluated elements");
    nonNull(proof, "proof");
    return verifyProofNative(publicKey, blinded, evaluated, proof);
  }

  /** Finalize of one element (after the proof was verified). */
  public static byte[] finalizeOutput(byte[] input, byte[] blind, byte[] evaluated) {
    checkMax(input, MAX_INPUT_BYTES, "input");
    checkLength(blind, SCALAR_BYTES, "blind");
    checkLength(evaluated, ELEMENT_BYTES, "evaluated element");
    return finalizeNative(input, blind, evaluated);
  }

  /** Evaluate: the non-oblivious PRF output of {@code input} under {@code key}. */
  public static byte[] evaluate(byte[] key, byte[] input) {
    checkLength(key, SCALAR_BYTES, "key");
    checkMax(input, MAX_INPUT_BYTES, "input");
    return evaluateNative(key, input);
  }

  /** Lagrange coefficients at 0 for distinct share indices in 1..255, concatenated. */
  public static byte[] lagrange(int[] indices) {
    checkIndices(indices);
    return lagrangeNative(indices);
  }

  /** f(x) for the polynomial with the given coefficients (constant term first). */
  public static byte[] polyEval(byte[] coefficients, int x) {
    nonNull(coefficients, "coefficients");
    if (coefficients.length == 0
        || coefficients.length % SCALAR_BYTES != 0
        || coefficients.length / SCALAR_BYTES > MAX_PARTIES) {
      throw new NativeException("coefficients must be 1 to 255 scalars");
    }
    return polyEvalNative(coefficients, x);
  }

  /** Feldman check share·G == Σ commitments[k]·x^k. */
  public static boolean feldmanVerify(byte[] commitments, int x, byte[] share) {
    checkElements(commitments, "commitments");
    checkLength(share, SCALAR_BYTES, "share");
    return feldmanVerifyNative(commitments, x, share);
  }

  /** Σ λ_i·evaluated_i element by element: the evaluation under the combined key. */
  public static byte[] combine(int[] indices, byte[][] evaluated) {
    checkIndices(indices);
    nonNull(evaluated, "evaluations");
    if (evaluated.length != indices.length) {
      throw new NativeException(
          indices.length + " share indices need as many evaluations, got " + evaluated.length);
    }
    for (int i = 0; i < evaluated.length; i++) {
      checkElements(evaluated[i], "evaluations[" + i + "]");
    }
    return combineNative(indices, evaluated);
  }

  private static void checkIndices(int[] indices) {
    nonNull(indices, "share indices");
    if (indices.length == 0 || indices.length > MAX_PARTIES) {
      throw new NativeException("need 1 to " + MAX_PARTIES + " share indices");
    }
  }

  private static void checkElements(byte[] elements, String what) {
    nonNull(elements, what);
    if (elements.length == 0
        || elements.length % ELEMENT_BYTES != 0
        || elements.length / ELEMENT_BYTES > MAX_BATCH) {
      throw new NativeException(
          what + " must be 1 to " + MAX_BATCH + " elements of 32 bytes, got " + elements.length);
    }
  }

  private static void checkMax(byte[] bytes, int max, String what) {
    nonNull(bytes, what);
    if (bytes.length > max) {
      throw new NativeException(what + " must be at most " + max + " bytes, got " + bytes.length);
    }
  }

  private static void checkLength(byte[] bytes, int expected, String what) {
    nonNull(bytes, what);
    if (bytes.length != expected) {
      throw new NativeException(what + " must be " + expected + " bytes, got " + bytes.length);
    }
  }

  private static <T> T nonNull(T value, String what) {
    if (value == null) {
      throw new NativeException(what + " must not be null");
    }
    return value;
  }

  private static native byte[] deriveKeyPairNative(byte[] seed, byte[] info);

  private static native byte[] baseMulNative(byte[] scalar);

  private static native byte[] pointMulNative(byte[] point, byte[] scalar);

  private static native byte[] scalarMulNative(byte[] a, byte[] b);

  private static native byte[] blindNative(byte[] input, byte[] blind);

  private static native byte[] blindEvaluateNative(byte[] key, byte[] blinded, byte[] randomness);

  private static native boolean verifyProofNative(
      byte[] publicKey, byte[] blinded, byte[] evaluated, byte[] proof);

  private static native byte[] finalizeNative(byte[] input, byte[] blind, byte[] evaluated);

  private static native byte[] evaluateNative(byte[] key, byte[] input);

  private static native byte[] lagrangeNative(int[] indices);

  private static native byte[] polyEvalNative(byte[] coefficients, int x);

  private static native boolean feldmanVerifyNative(byte[] commitments, int x, byte[] share);

  private static native byte[] combineNative(int[] indices, byte[][] evaluated);
}
