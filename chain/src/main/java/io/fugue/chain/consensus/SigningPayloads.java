package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.nio.ByteBuffer;

/**
 * The exact bytes each consensus signature covers. Every payload starts with a distinct tag byte
 * and the shard id, so no signature can be replayed as another kind of vote or on another shard.
 * All integers are big-endian. See docs/protocol.md, "Consensus (FBFT)".
 */
public final class SigningPayloads {
  public static final int M1_TAG = 0x03;
  public static final int M2_TAG = 0x04;
  public static final int M3_TAG = 0x05;

  private SigningPayloads() {}

  /** {@code tag(1) ‖ shard(4) ‖ height(8) ‖ blockHash(32) ‖ viewId(8)}: 53 bytes. */
  public static Bytes vote(Phase phase, int shard, long height, Hash32 blockHash, long viewId) {
    ByteBuffer b = ByteBuffer.allocate(53);
    b.put((byte) phase.code())
        .putInt(shard)
        .putLong(height)
        .put(blockHash.toArray())
        .putLong(viewId);
    return Bytes.of(b.array());
  }

  /**
   * M1: {@code 0x03 ‖ shard ‖ height ‖ newView(8) ‖ preparedHash(32) ‖ preparedView(8)}: 61 bytes.
   */
  public static Bytes m1(
      int shard, long height, long newView, Hash32 preparedHash, long preparedView) {
    ByteBuffer b = ByteBuffer.allocate(61);
    b.put((byte) M1_TAG).putInt(shard).putLong(height).putLong(newView);
    b.put(preparedHash.toArray()).putLong(preparedView);
    return Bytes.of(b.array());
  }

  /** M2 (nil vote: no prepared block): {@code 0x04 ‖ shard ‖ height ‖ newView}: 21 bytes. */
  public static Bytes m2(int shard, long height, long newView) {
    return viewPayload(M2_TAG, shard, height, newView);
  }

  /** M3 (vote for the view id): {@code 0x05 ‖ shard ‖ height ‖ newView}: 21 bytes. */
  public static Bytes m3(int shard, long height, long newView) {
    return viewPayload(M3_TAG, shard, height, newView);
  }

  private static Bytes viewPayload(int tag, int shard, long height, long view) {
    ByteBuffer b = ByteBuffer.allocate(21);
    b.put((byte) tag).putInt(shard).putLong(height).putLong(view);
    return Bytes.of(b.array());
  }
}
