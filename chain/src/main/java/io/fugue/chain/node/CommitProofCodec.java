package io.fugue.chain.node;

import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.ValidatorSignature;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Byte layouts of a commit proof (a COMMIT {@link QuorumCertificate}), strict both ways:
 *
 * <ul>
 *   <li>standalone (store, sync, block announcements): {@code u64 height ‖ u64 view ‖ H(32) ‖
 *       sig(96) ‖ u16 n ‖ bitmap(n)};
 *   <li>in the header of block N+1: {@code lastCommitSignature} = sig(96), {@code lastCommitBitmap}
 *       = {@code u64 view ‖ u16 n ‖ bitmap(n)}; height and hash are the parent's. Block 1 carries
 *       zeros and an empty bitmap field.
 * </ul>
 *
 * Decoding throws {@link NodeException} on any deviation (short, trailing, bad bitmap, top bit).
 */
public final class CommitProofCodec {
  private static final int SIG = 96;
  private static final int FIXED = 8 + 8 + 32 + SIG + 2;

  private CommitProofCodec() {}

  public static Bytes encode(QuorumCertificate qc) {
    requireCommit(qc);
    ByteBuffer b = ByteBuffer.allocate(FIXED + qc.signers().bits().size());
    b.putLong(qc.height())
        .putLong(qc.viewId())
        .put(qc.blockHash().toArray())
        .put(qc.aggregate().bytes().toArray())
        .putShort((short) qc.signers().size())
        .put(qc.signers().bits().toArray());
    return Bytes.of(b.array());
  }

  public static QuorumCertificate decode(Bytes bytes) {
    if (bytes.size() < FIXED) {
      throw new NodeException("commit proof of " + bytes.size() + " bytes is too short");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes.toArray());
    long height = nonNegative(b.getLong(), "height");
    long view = nonNegative(b.getLong(), "view");
    byte[] hash = new byte[32];
    b.get(hash);
    byte[] sig = new byte[SIG];
    b.get(sig);
    SignerBitmap signers = bitmap(b);
    return qc(height, view, Hash32.of(hash), Bytes.of(sig), signers);
  }

  /** The {@code lastCommitBitmap} header field for {@code qc}. */
  public static Bytes headerBitmapField(QuorumCertificate qc) {
    requireCommit(qc);
    ByteBuffer b = ByteBuffer.allocate(8 + 2 + qc.signers().bits().size());
    b.putLong(qc.viewId()).putShort((short) qc.signers().size()).put(qc.signers().bits().toArray());
    return Bytes.of(b.array());
  }

  /** The parent's commit proof carried by {@code header}; empty for block 1. */
  public static Optional<QuorumCertificate> fromHeader(BlockHeader header) {
    if (header.number() == 1) {
      if (!header.lastCommitBitmap().isEmpty()
          || !header.lastCommitSignature().equals(BlockHeader.NO_SIGNATURE)) {
        throw new NodeException("block 1 must carry no parent commit proof");
      }
      return Optional.empty();
    }
    return Optional.of(
        qc(
            header.number() - 1,
            headerView(header.lastCommitBitmap()),
            header.parentHash(),
            header.lastCommitSignature(),
            headerSigners(header.lastCommitBitmap())));
  }

  /** The signers named by a {@code lastCommitBitmap} header field. */
  public static SignerBitmap headerSigners(Bytes field) {
    try {
      return SignerBitmap.ofHeaderField(field);
    } catch (IllegalArgumentException e) {
      throw new NodeException("invalid lastCommitBitmap: " + e.getMessage(), e);
    }
  }

  private static long headerView(Bytes field) {
    ByteBuffer b = wrapField(field);
    long view = nonNegative(b.getLong(), "commit view");
    bitmap(b);
    return view;
  }

  private static ByteBuffer wrapField(Bytes field) {
    if (field.size() < 10) {
      throw new NodeException("lastCommitBitmap of " + field.size() + " bytes is too short");
    }
    return ByteBuffer.wrap(field.toArray());
  }

  private static SignerBitmap bitmap(ByteBuffer b) {
    int n = Short.toUnsignedInt(b.getShort());
    if (n == 0 || b.remaining() != SignerBitmap.byteLength(n)) {
      throw new NodeException("bitmap of " + b.remaining() + " bytes for " + n + " members");
    }
    byte[] bits = new byte[b.remaining()];
    b.get(bits);
    try {
      return new SignerBitmap(n, Bytes.of(bits));
    } catch (IllegalArgumentException e) {
      throw new NodeException("invalid bitmap: " + e.getMessage(), e);
    }
  }

  private static QuorumCertificate qc(
      long height, long view, Hash32 hash, Bytes sig, SignerBitmap signers) {
    try {
      return new QuorumCertificate(
          Phase.COMMIT, height, view, hash, new ValidatorSignature(sig), signers);
    } catch (IllegalArgumentException e) {
      throw new NodeException("invalid commit proof: " + e.getMessage(), e);
    }
  }

  private static long nonNegative(long v, String what) {
    if (v < 0) {
      throw new NodeException(what + " has its top bit set");
    }
    return v;
  }

  private static void requireCommit(QuorumCertificate qc) {
    if (qc.phase() != Phase.COMMIT) {
      throw new IllegalArgumentException("not a commit proof: " + qc.phase());
    }
  }
}
