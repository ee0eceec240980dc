package io.fugue.nativelib;

/**
 * Bulletproofs range proofs, Pedersen commitments and ristretto255 arithmetic from {@code
 * libfugue_native} (the Rust {@code bulletproofs} 5.x crate on curve25519-dalek 4 and merlin 3).
 *
 * <p>Everything is {@code byte[]} in and out: points are 32-byte compressed ristretto255 encodings,
 * scalars are 32-byte canonical little-endian encodings modulo the group order, and several points
 * or scalars travel concatenated. Values and thresholds are Java {@code long}s read as
 * <em>unsigned</em> 64-bit integers. Every argument is checked here before the native call and
 * again in Rust; a bad argument, a refused request or a native panic throws {@link NativeException}
 * with a message saying what was wrong. Secret inputs (values, blindings) never appear in a
 * message.
 *
 * <p>Pedersen generators are {@code PedersenGens::default()} (B is the ristretto basepoint) and the
 * Bulletproof generators cover 64 bits by 64 values; both are built once per process.
 *
 * <p>Every proof's transcript binds a domain {@code label} (1 to 256 bytes), a {@code context} (at
 * most 64 KiB) and a {@code statement} (at most 8 KiB) as separate messages, before the crate's own
 * binding of n, m and the commitments; the statement message is appended even when empty.
 * docs/zk.md gives the transcript byte for byte.
 *
 * <p>Thread safety: all methods are stateless and may be called from any number of threads at once.
 * {@link #batchVerify} spreads its work over all cores itself.
 */
public final class NativeZk {
  /** Bytes in a compressed ristretto255 point (a commitment). */
  public static final int POINT_BYTES = 32;

  /** Bytes in a canonical scalar (a blinding). */
  public static final int SCALAR_BYTES = 32;

  /** Bytes of uniform randomness reduced into one scalar. */
  public static final int UNIFORM_BYTES = 64;

  /** Largest number of values in one aggregated proof. */
  public static final int MAX_VALUES = 64;

  /** Longest domain label. */
  public static final int MAX_LABEL_BYTES = 256;

  /** Longest context. */
  public static final int MAX_CONTEXT_BYTES = 64 * 1024;

  /** Longest statement. */
  public static final int MAX_STATEMENT_BYTES = 8 * 1024;

  /** Largest number of proofs in one {@link #batchVerify} call. */
  public static final int MAX_BATCH = 4096;

  static {
    NativeLoader.load();
  }

  private NativeZk() {}

  /** A proof in the crate's byte format and the commitments (m × 32 bytes) it proves. */
  public static final class Proven {
    private final byte[] proof;
    private final byte[] commitments;

    Proven(byte[] proof, byte[] commitments) {
      this.proof = proof;
      this.commitments = commitments;
    }

    /** A copy of the proof bytes. */
    public byte[] proof() {
      return proof.clone();
    }

    /** A copy of the commitments, m × 32 bytes concatenated. */
    public byte[] commitments() {
      return commitments.clone();
    }
  }

  /** C = value·B + blinding·B_blinding, as 32 bytes. */
  public static byte[] commit(long value, byte[] blinding) {
    checkLength(blinding, SCALAR_BYTES, "blinding");
    return commitNative(value, blinding);
  }

  /** A uniformly random scalar from the operating system's generator. */
  public static byte[] randomScalar() {
    return randomScalarNative();
  }

  /** Reduces 64 uniform bytes modulo the group order. */
  public static byte[] scalarFromUniformBytes(byte[] uniform) {
    checkLength(uniform, UNIFORM_BYTES, "uniform bytes");
    return scalarFromUniformNative(uniform);
  }

  /** a + b modulo the group order; both must be canonical. */
  public static byte[] scalarAdd(byte[] a, byte[] b) {
    checkLength(a, SCALAR_BYTES, "a");
    checkLength(b, SCALAR_BYTES, "b");
    return scalarAddNative(a, b);
  }

  /** −a modulo the group order; a must be canonical. */
  public static byte[] scalarNegate(byte[] a) {
    checkLength(a, SCALAR_BYTES, "a");
    return scalarNegateNative(a);
  }

  /** P + Q; both must be canonical points. */
  public static byte[] pointAdd(byte[] p, byte[] q) {
    checkLength(p, POINT_BYTES, "p");
    checkLength(q, POINT_BYTES, "q");
    return pointAddNative(p, q);
  }

  /** P − Q; both must be canonical points. */
  public static byte[] pointSub(byte[] p, byte[] q) {
    checkLength(p, POINT_BYTES, "p");
    checkLength(q, POINT_BYTES, "q");
    return pointSubNative(p, q);
  }

  /** t·B, the commitment to t with a zero blinding. */
  public static byte[] mulBase(long t) {
    return mulBaseNative(t);
  }

  /** Throws unless {@code point} is a canonical ristretto255 encoding. */
  public static void checkPoint(byte[] point) {
    checkLength(point, POINT_BYTES, "point");
    checkPointNative(point);
  }

  /**
   * Proves that every value lies in [0, 2^n). Refuses (throws) when a value does not fit; never
   * returns a proof that would fail to verify.
   *
   * @param values 1 to 64 values, a power of two of them
   * @param blindings one canonical scalar per value, concatenated
   * @param n 8, 16, 32 or 64
   */
  public static Proven prove(
      long[] values, byte[] blindings, int n, byte[] label, byte[] context, byte[] statement) {
    nonNull(values, "values");
    checkCount(values.length, "values");
    checkLength(blindings, values.length * SCALAR_BYTES, "blindings");
    checkBits(n);
    checkBinding(label, context, statement);
    byte[][] out = proveNative(values, blindings, n, label, context, statement);
    return new Proven(out[0], out[1]);
  }

  /**
   * Verifies a proof against commitments the verifier derived itself.
   *
   * @return {@code null} when the proof is valid, otherwise why it is not
   * @throws NativeException when the verifier's own arguments (commitments, n, binding) are
   *     malformed
   */
  public static String verify(
      byte[] proof, byte[] commitments, int n, byte[] label, byte[] context, byte[] statement) {
    nonNull(proof, "proof");
    checkCommitments(commitments, "commitments");
    checkBits(n);
    checkBinding(label, context, statement);
    return verifyNative(proof, commitments, n, label, context, statement);
  }

  /**
   * Verifies independent proofs on all cores. Entry i of every array belongs to proof i.
   *
   * @return one entry per proof: {@code null} when it is valid, otherwise why it is not
   */
  public static String[] batchVerify(
      byte[][] proofs,
      byte[][] commitments,
      int[] ns,
      byte[][] labels,
      byte[][] contexts,
      byte[][] statements) {
    nonNull(proofs, "proofs");
    int k = proofs.length;
    if (k > MAX_BATCH) {
      throw new NativeException("at most " + MAX_BATCH + " proofs in a batch, got " + k);
    }
    checkSameLength(k, commitments, "commitments");
    checkSameLength(k, labels, "labels");
    checkSameLength(k, contexts, "contexts");
    checkSameLength(k, statements, "statements");
    nonNull(ns, "ns");
    if (ns.length != k) {
      throw new NativeException(k + " proofs need " + k + " bit sizes, got " + ns.length);
    }
    for (int i = 0; i < k; i++) {
      nonNull(proofs[i], "proofs[" + i + "]");
      nonNull(commitments[i], "commitments[" + i + "]");
      checkBinding(labels[i], contexts[i], statements[i]);
    }
    return batchVerifyNative(proofs, commitments, ns, labels, contexts, statements);
  }

  /** The size in bytes of a proof for m values of n bits: 32·(9 + 2·log2(n·m)). */
  public static int proofLength(int n, int m) {
    checkBits(n);
    checkCount(m, "values");
    return 32 * (9 + 2 * Integer.numberOfTrailingZeros(n * m));
  }

  static void checkBits(int n) {
    if (n != 8 && n != 16 && n != 32 && n != 64) {
      throw new NativeException("bit size n must be 8, 16, 32 or 64, got " + n);
    }
  }

  static void checkCount(int m, String what) {
    if (m < 1 || m > MAX_VALUES || Integer.bitCount(m) != 1) {
      throw new NativeException(
          "the number of "
              + what
              + " must be a power of two from 1 to "
              + MAX_VALUES
              + ", got "
              + m);
    }
  }

  private static void checkCommitments(byte[] commitments, String what) {
    nonNull(commitments, what);
    if (commitments.length == 0 || commitments.length % POINT_BYTES != 0) {
      throw new NativeException(
          what + " must be a non-empty multiple of 32 bytes, got " + commitments.length);
    }
    checkCount(commitments.length / POINT_BYTES, what);
  }

  private static void checkBinding(byte[] label, byte[] context, byte[] statement) {
    nonNull(label, "label");
    nonNull(context, "context");
    nonNull(statement, "statement");
    if (label.length == 0 || label.length > MAX_LABEL_BYTES) {
      throw new NativeException(
          "label must be 1 to " + MAX_LABEL_BYTES + " bytes, got " + label.length);
    }
    if (context.length > MAX_CONTEXT_BYTES) {
      throw new NativeException(
          "context must be at most " + MAX_CONTEXT_BYTES + " bytes, got " + context.length);
    }
    if (statement.length > MAX_STATEMENT_BYTES) {
      throw new NativeException(
          "statement must be at most " + MAX_STATEMENT_BYTES + " bytes, got " + statement.length);
    }
  }

  private static <T> T nonNull(T value, String what) {
    if (value == null) {
      throw new NativeException(what + " must not be null");
    }
    return value;
  }

  private static void checkSameLength(int k, Object[] array, String what) {
    nonNull(array, what);
    if (array.length != k) {
      throw new NativeException(k + " proofs need " + k + " " + what + ", got " + array.length);
    }
  }

  private static void checkLength(byte[] bytes, int expected, String what) {
    nonNull(bytes, what);
    if (bytes.length != expected) {
      throw new NativeException(what + " must be " + expected + " bytes, got " + bytes.length);
    }
  }

  private static native byte[] commitNative(long value, byte[] blinding);

  private static native byte[] randomScalarNative();

  private static native byte[] scalarFromUniformNative(byte[] uniform);

  private static native byte[] scalarAddNative(byte[] a, byte[] b);

  private static native byte[] scalarNegateNative(byte[] a);

  private static native byte[] pointAddNative(byte[] p, byte[] q);

  private static native byte[] pointSubNative(byte[] p, byte[] q);

  private static native byte[] mulBaseNative(long t);

  private static native void checkPointNative(byte[] point);

  private static native byte[][] proveNative(
      long[] values, byte[] blindings, int n, byte[] label, byte[] context, byte[] statement);

  private static native String verifyNative(
      byte[] proof, byte[] commitments, int n, byte[] label, byte[] context, byte[] statement);

  private static native String[] batchVerifyNative(
      byte[][] proofs,
      byte[][] commitments,
      int[] ns,
      byte[][] labels,
      byte[][] contexts,
      byte[][] statements);
}
