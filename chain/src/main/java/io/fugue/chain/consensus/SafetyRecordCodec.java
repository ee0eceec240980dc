package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Bytes of a {@link SafetyRecord} for the store: {@code u8 version(1) ‖ u64 height ‖ u64 view ‖ u8
 * hasPrepared ‖ [u64 preparedView ‖ hash(32) ‖ aggregate(96) ‖ u16 n ‖ bitmap ‖ u32 len ‖ block]}.
 * A record that does not decode is an error, never "no record": forgetting a vote could make the
 * node sign twice.
 */
public final class SafetyRecordCodec {
  private static final int VERSION = 1;

  private SafetyRecordCodec() {}

  public static Bytes encode(SafetyRecord r) {
    int size =
        1
            + 8
            + 8
            + 1
            + r.prepared().map(qc -> 8 + 32 + 96 + 2 + qc.signers().bits().size() + 4).orElse(0)
            + r.preparedBlock().size();
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put((byte) VERSION)
        .putLong(r.height())
        .putLong(r.viewId())
        .put((byte) (r.prepared().isPresent() ? 1 : 0));
    r.prepared()
        .ifPresent(
            qc -> {
              b.putLong(qc.viewId())
                  .put(qc.blockHash().toArray())
                  .put(qc.aggregate().bytes().toArray());
              b.putShort((short) qc.signers().size()).put(qc.signers().bits().toArray());
              b.putInt(r.preparedBlock().size()).put(r.preparedBlock().toArray());
            });
    return Bytes.of(b.array());
  }

  /**
   * @throws ConsensusException if the bytes are not a record this codec wrote
   */
  public static SafetyRecord decode(Bytes bytes) {
    try {
      ByteReader r = new ByteReader(bytes.toArray());
      if (r.u8("version") != VERSION) {
        throw ByteReader.malformed("unknown safety record version");
      }
      long height = r.u63("height");
      long view = r.u63("view");
      int hasPrepared = r.u8("prepared flag");
      SafetyRecord record;
      if (hasPrepared == 0) {
        record = new SafetyRecord(height, view, Optional.empty(), Bytes.EMPTY);
      } else if (hasPrepared == 1) {
        QuorumCertificate qc =
            new QuorumCertificate(
                Phase.PREPARE,
                height,
                r.u63("prepared view"),
                r.hash("prepared hash"),
                r.signature("aggregate"),
                bitmap(r));
        int length = r.u32("block length");
        record = new SafetyRecord(height, view, Optional.of(qc), r.bytes(length, "block"));
      } else {
        throw ByteReader.malformed("prepared flag must be 0 or 1");
      }
      r.requireEnd();
      return record;
    } catch (ByteReader.MalformedException | IllegalArgumentException e) {
      throw new ConsensusException("corrupt consensus safety record: " + e.getMessage(), e);
    }
  }

  private static SignerBitmap bitmap(ByteReader r) {
    int n = r.u16("bitmap size");
    return new SignerBitmap(n, r.bytes(SignerBitmap.byteLength(n), "bitmap"));
  }
}
