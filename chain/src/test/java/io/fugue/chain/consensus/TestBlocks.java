package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A toy block format for consensus tests: {@code height(8) ‖ parent(32) ‖ valid(1) ‖ tag(8) ‖
 * [view(8) ‖ aggregate(96) ‖ size(2) ‖ bitmap]} where the bracket is the parent's commit proof
 * (absent at height 1). The hash is SHA-256 of the bytes. {@code valid = 0} marks a block the
 * ledger would reject.
 */
final class TestBlocks {
  private TestBlocks() {}

  static ProposedBlock build(
      long height,
      Hash32 parent,
      Optional<QuorumCertificate> parentCommit,
      long tag,
      boolean valid) {
    int proofLen = parentCommit.map(qc -> 8 + 96 + 2 + qc.signers().bits().size()).orElse(0);
    ByteBuffer b = ByteBuffer.allocate(8 + 32 + 1 + 8 + proofLen);
    b.putLong(height).put(parent.toArray()).put((byte) (valid ? 1 : 0)).putLong(tag);
    parentCommit.ifPresent(
        qc -> {
          b.putLong(qc.viewId())
              .put(qc.aggregate().bytes().toArray())
              .putShort((short) qc.signers().size());
          b.put(qc.signers().bits().toArray());
        });
    Bytes encoded = Bytes.of(b.array());
    return new ProposedBlock(height, parent, hashOf(encoded), encoded, parentCommit);
  }

  /** The state of the height above {@code head}, voted on by {@code committee}. */
  static HeightState heightAbove(ChainHead head, Committee committee) {
    HeightState h = new HeightState(head);
    h.enter(head, committee);
    return h;
  }

  static Hash32 hashOf(Bytes encoded) {
    return Hash32.of(TestSignatureScheme.sha256(encoded.toArray()));
  }

  static BlockSource source(long tag) {
    return (height, parent, parentCommit) -> build(height, parent, parentCommit, tag, true);
  }

  /** The ledger side: decodes, checks the structure, and rejects blocks marked invalid. */
  static ProposalValidator validator() {
    return (encoded, expectedHeight, parentHash) -> {
      try {
        ByteBuffer b = ByteBuffer.wrap(encoded.toArray());
        long height = b.getLong();
        byte[] parent = new byte[32];
        b.get(parent);
        int valid = b.get();
        b.getLong();
        Optional<QuorumCertificate> proof = Optional.empty();
        if (height > 1) {
          long view = b.getLong();
          byte[] agg = new byte[96];
          b.get(agg);
          int size = b.getShort() & 0xFFFF;
          byte[] bits = new byte[SignerBitmap.byteLength(size)];
          b.get(bits);
          proof =
              Optional.of(
                  new QuorumCertificate(
                      Phase.COMMIT,
                      height - 1,
                      view,
                      Hash32.of(parent),
                      new ValidatorSignature(Bytes.of(agg)),
                      new SignerBitmap(size, Bytes.of(bits))));
        }
        if (b.hasRemaining()) {
          return new ProposalValidation.Reject("trailing bytes");
        }
        if (valid != 1) {
          return new ProposalValidation.Reject("state transition fails");
        }
        return new ProposalValidation.Accept(
            new ProposedBlock(height, Hash32.of(parent), hashOf(encoded), encoded, proof));
      } catch (RuntimeException e) {
        return new ProposalValidation.Reject("undecodable block: " + e.getMessage());
      }
    };
  }
}
