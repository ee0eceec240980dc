package io.fugue.zk;

import io.fugue.nativelib.NativeZk;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Derives the commitments a statement's proof is about and encodes the statement for the
 * transcript. Prover and verifier both use this, so the verifier never depends on the prover for a
 * derived commitment.
 */
final class Statements {
  private static final byte AT_LEAST = 1;
  private static final byte AT_MOST = 2;
  private static final byte BETWEEN = 3;
  private static final byte SUM_AT_LEAST = 4;

  private Statements() {}

  /** The range-proved commitments, concatenated (m × 32 bytes). */
  static byte[] derivedCommitments(RangeStatement s) {
    return Native.call(() -> derive(s));
  }

  private static byte[] derive(RangeStatement s) {
    if (s instanceof RangeStatement.AllInRange a) {
      return concat(a.commitments());
    } else if (s instanceof RangeStatement.AtLeast a) {
      return NativeZk.pointSub(a.commitment().bytesUnsafe(), NativeZk.mulBase(a.threshold()));
    } else if (s instanceof RangeStatement.AtMost a) {
      return NativeZk.pointSub(NativeZk.mulBase(a.threshold()), a.commitment().bytesUnsafe());
    } else if (s instanceof RangeStatement.Between b) {
      byte[] c = b.commitment().bytesUnsafe();
      byte[] low = NativeZk.pointSub(c, NativeZk.mulBase(b.lower()));
      byte[] high = NativeZk.pointSub(NativeZk.mulBase(b.upper()), c);
      return ByteBuffer.allocate(64).put(low).put(high).array();
    } else if (s instanceof RangeStatement.SumAtLeast a) {
      return NativeZk.pointSub(sum(a.commitments()), NativeZk.mulBase(a.threshold()));
    }
    throw new ZkException("unknown statement " + s.getClass().getName());
  }

  private static byte[] sum(List<Commitment> commitments) {
    byte[] total = commitments.get(0).bytesUnsafe();
    for (int i = 1; i < commitments.size(); i++) {
      total = NativeZk.pointAdd(total, commitments.get(i).bytesUnsafe());
    }
    return total;
  }

  /**
   * The statement as bound into the transcript: a tag, n, the original commitments and the
   * thresholds, in a prefix-free layout. The all-in-range form is empty because the crate's
   * transcript already binds n, m and its commitments, which is that whole statement; this also
   * keeps it byte-compatible with proofs made by the Rust crate directly.
   */
  static byte[] encode(RangeStatement s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (s instanceof RangeStatement.AllInRange) {
      return new byte[0];
    } else if (s instanceof RangeStatement.AtLeast a) {
      head(out, AT_LEAST, s).writeBytes(a.commitment().bytesUnsafe());
      writeLong(out, a.threshold());
    } else if (s instanceof RangeStatement.AtMost a) {
      head(out, AT_MOST, s).writeBytes(a.commitment().bytesUnsafe());
      writeLong(out, a.threshold());
    } else if (s instanceof RangeStatement.Between b) {
      head(out, BETWEEN, s).writeBytes(b.commitment().bytesUnsafe());
      writeLong(out, b.lower());
      writeLong(out, b.upper());
    } else if (s instanceof RangeStatement.SumAtLeast a) {
      head(out, SUM_AT_LEAST, s).write(a.commitments().size());
      out.writeBytes(concat(a.commitments()));
      writeLong(out, a.threshold());
    }
    return out.toByteArray();
  }

  private static ByteArrayOutputStream head(ByteArrayOutputStream out, byte tag, RangeStatement s) {
    out.write(tag);
    out.write(s.bits().bits());
    return out;
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
  }

  private static byte[] concat(List<Commitment> commitments) {
    ByteBuffer out = ByteBuffer.allocate(commitments.size() * Commitment.BYTES);
    commitments.forEach(c -> out.put(c.bytesUnsafe()));
    return out.array();
  }
}
