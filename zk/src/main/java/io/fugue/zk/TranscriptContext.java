package io.fugue.zk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a proof is bound to besides its statement: a domain label (which protocol, e.g. {@code
 * "fugue.query.v1"}) and context bytes (e.g. query id ‖ attestation id ‖ verifier nonce). Prover
 * and verifier must use equal contexts; a proof made under one context never verifies under
 * another, so a fresh nonce in the context stops replay. Immutable.
 */
public final class TranscriptContext {
  public static final int MAX_LABEL_BYTES = 256;
  public static final int MAX_CONTEXT_BYTES = 64 * 1024;

  private final String label;
  private final byte[] labelBytes;
  private final byte[] context;

  private TranscriptContext(String label, byte[] labelBytes, byte[] context) {
    this.label = label;
    this.labelBytes = labelBytes;
    this.context = context;
  }

  /** A context with raw context bytes (copied). */
  public static TranscriptContext of(String label, byte[] context) {
    if (label == null || context == null) {
      throw new ZkException("label and context must not be null");
    }
    byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
    if (labelBytes.length == 0 || labelBytes.length > MAX_LABEL_BYTES) {
      throw new ZkException(
          "label must be 1 to " + MAX_LABEL_BYTES + " UTF-8 bytes, got " + labelBytes.length);
    }
    if (context.length > MAX_CONTEXT_BYTES) {
      throw new ZkException(
          "context must be at most " + MAX_CONTEXT_BYTES + " bytes, got " + context.length);
    }
    return new TranscriptContext(label, labelBytes, context.clone());
  }

  /**
   * A context made of several parts, each written as a 4-byte big-endian length and its bytes, so
   * that no two different lists of parts give the same context.
   */
  public static TranscriptContext ofParts(String label, byte[]... parts) {
    if (parts == null) {
      throw new ZkException("parts must not be null");
    }
    long size = 0;
    for (byte[] part : parts) {
      if (part == null) {
        throw new ZkException("a context part must not be null");
      }
      size += 4L + part.length;
    }
    if (size > MAX_CONTEXT_BYTES) {
      throw new ZkException("context must be at most " + MAX_CONTEXT_BYTES + " bytes, got " + size);
    }
    ByteBuffer out = ByteBuffer.allocate((int) size);
    for (byte[] part : parts) {
      out.putInt(part.length).put(part);
    }
    return of(label, out.array());
  }

  public String label() {
    return label;
  }

  public byte[] context() {
    return context.clone();
  }

  byte[] labelBytes() {
    return labelBytes;
  }

  byte[] contextUnsafe() {
    return context;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TranscriptContext t
        && label.equals(t.label)
        && Arrays.equals(context, t.context);
  }

  @Override
  public int hashCode() {
    return 31 * label.hashCode() + Arrays.hashCode(context);
  }

  @Override
  public String toString() {
    return "TranscriptContext[" + label + ", " + HexFormat.of().formatHex(context) + "]";
  }
}
