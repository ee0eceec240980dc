package io.fugue.chain.node;

import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.primitives.Bytes;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Block sync messages (docs/protocol.md, "Block sync"), strict:
 *
 * <pre>
 * request  = u8 version(1) ‖ u8 type(1) ‖ u32 shard ‖ u64 from ‖ u16 count
 * response = u8 version(1) ‖ u8 type(2) ‖ u32 shard ‖ u16 count
 *            ‖ count × (u32 len ‖ block(len) ‖ u16 len ‖ commitProof(len))
 * </pre>
 *
 * Decoding throws {@link NodeException} on unknown version or type, short reads, trailing bytes,
 * counts or sizes beyond {@link SyncLimits}.
 */
public final class SyncCodec {
  public static final int VERSION = 1;
  private static final int REQUEST = 1;
  private static final int RESPONSE = 2;
  private static final int REQUEST_SIZE = 16;

  private SyncCodec() {}

  /** A request for {@code count} finalized blocks of {@code shard} from height {@code from}. */
  public record Request(int shard, long from, int count) {
    public Request {
      if (shard < 0 || from < 1 || count < 1 || count > 0xFFFF) {
        throw new IllegalArgumentException("invalid sync request");
      }
    }
  }

  /** A finalized block with the commit proof that made it final. */
  public record SyncedBlock(Bytes block, QuorumCertificate proof) {
    public SyncedBlock {
      Objects.requireNonNull(block, "block");
      Objects.requireNonNull(proof, "proof");
    }
  }

  public record Response(int shard, List<SyncedBlock> blocks) {
    public Response {
      blocks = List.copyOf(blocks);
    }
  }

  public static Bytes encode(Request r) {
    return Bytes.of(
        ByteBuffer.allocate(REQUEST_SIZE)
            .put((byte) VERSION)
            .put((byte) REQUEST)
            .putInt(r.shard())
            .putLong(r.from())
            .putShort((short) r.count())
            .array());
  }

  public static Request decodeRequest(Bytes bytes, SyncLimits limits) {
    if (bytes.size() != REQUEST_SIZE) {
      throw new NodeException(
          "sync request of " + bytes.size() + " bytes, expected " + REQUEST_SIZE);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes.toArray());
    header(b, REQUEST);
    int shard = b.getInt();
    long from = b.getLong();
    int count = Short.toUnsignedInt(b.getShort());
    if (shard < 0 || from < 1 || count < 1 || count > limits.maxBlocksPerRequest()) {
      throw new NodeException(
          "sync request out of bounds: shard " + shard + " from " + from + " count " + count);
    }
    return new Request(shard, from, count);
  }

  /** The size {@code entry} adds to a response. */
  public static int entrySize(Bytes block, Bytes proof) {
    return 4 + block.size() + 2 + proof.size();
  }

  public static int headerSize() {
    return 8;
  }

  /** Encodes pre-encoded entries (block, proof bytes). */
  public static Bytes encodeResponse(int shard, List<Bytes[]> entries) {
    int size = headerSize();
    for (Bytes[] e : entries) {
      size += entrySize(e[0], e[1]);
    }
    ByteBuffer b =
        ByteBuffer.allocate(size)
            .put((byte) VERSION)
            .put((byte) RESPONSE)
            .putInt(shard)
            .putShort((short) entries.size());
    for (Bytes[] e : entries) {
      b.putInt(e[0].size()).put(e[0].toArray()).putShort((short) e[1].size()).put(e[1].toArray());
    }
    return Bytes.of(b.array());
  }

  public static Bytes encode(Response r) {
    List<Bytes[]> entries = new ArrayList<>();
    r.blocks()
        .forEach(s -> entries.add(new Bytes[] {s.block(), CommitProofCodec.encode(s.proof())}));
    return encodeResponse(r.shard(), entries);
  }

  public static Response decodeResponse(Bytes bytes, SyncLimits limits) {
    if (bytes.size() > limits.maxResponseBytes()) {
      throw new NodeException(
          "sync response of " + bytes.size() + " bytes exceeds " + limits.maxResponseBytes());
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes.toArray());
      header(b, RESPONSE);
      int shard = b.getInt();
      int count = Short.toUnsignedInt(b.getShort());
      if (shard < 0 || count > limits.maxBlocksPerRequest()) {
        throw new NodeException("sync response with " + count + " blocks of shard " + shard);
      }
      List<SyncedBlock> blocks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Bytes block = take(b, b.getInt());
        Bytes proof = take(b, Short.toUnsignedInt(b.getShort()));
        blocks.add(new SyncedBlock(block, CommitProofCodec.decode(proof)));
      }
      if (b.hasRemaining()) {
        throw new NodeException(b.remaining() + " trailing bytes after a sync response");
      }
      return new Response(shard, blocks);
    } catch (BufferUnderflowException e) {
      throw new NodeException("truncated sync response", e);
    }
  }

  private static void header(ByteBuffer b, int type) {
    int version = b.get() & 0xFF;
    int t = b.get() & 0xFF;
    if (version != VERSION || t != type) {
      throw new NodeException(
          "sync message version " + version + " type " + t + ", expected " + VERSION + "/" + type);
    }
  }

  private static Bytes take(ByteBuffer b, int len) {
    if (len < 0 || len > b.remaining()) {
      throw new NodeException("length " + len + " exceeds the " + b.remaining() + " bytes left");
    }
    byte[] out = new byte[len];
    b.get(out);
    return Bytes.of(out);
  }
}
