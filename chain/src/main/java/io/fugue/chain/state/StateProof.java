package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proof that a logical key has a given value, or no value, under a state root. It holds the
 * sibling hashes along the key's path from the root down (index 0 is the root's other child), and
 * what the path ends in: nothing (an empty subtree) or a leaf, given by its key hash and value
 * hash. An inclusion proof ends in the key's own leaf; an exclusion proof ends in an empty subtree
 * or in another key's leaf that occupies the only place the key could be.
 *
 * <p>{@link #verify} needs nothing but SHA-256, so a light client can run it; {@link #encode} and
 * {@link #decode} give the wire form (docs/protocol.md, "State commitment").
 */
public record StateProof(List<Hash32> siblings, Optional<LeafRef> terminal) {
  /** The wire format version written first in every encoded proof. */
  public static final int FORMAT_VERSION = 1;

  /** The largest possible encoding: 256 non-empty siblings and a leaf terminal. */
  public static final int MAX_ENCODED_SIZE = 1 + 2 + 32 + 256 * 32 + 1 + 64;

  /** A leaf at the end of a path: its key hash and the hash of its value. */
  public record LeafRef(Hash32 keyHash, Hash32 valueHash) {
    public LeafRef {
      Objects.requireNonNull(keyHash, "keyHash");
      Objects.requireNonNull(valueHash, "valueHash");
    }
  }

  public StateProof {
    siblings = List.copyOf(siblings);
    Objects.requireNonNull(terminal, "terminal");
    if (siblings.size() > TreeHashing.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "a proof has at most 256 siblings, got " + siblings.size());
    }
  }

  /**
   * Whether this proof shows that, under {@code root}, {@code logicalKey} holds {@code value}
   * (present) or holds nothing (empty). Never throws for a well-formed proof object.
   */
  public boolean verify(Hash32 root, Bytes logicalKey, Optional<Bytes> value) {
    Hash32 keyHash = TreeHashing.keyHash(logicalKey);
    int depth = siblings.size();
    Hash32 node;
    if (terminal.isPresent()) {
      LeafRef leaf = terminal.get();
      if (!samePrefix(leaf.keyHash(), keyHash, depth)) {
        return false;
      }
      boolean ownLeaf = leaf.keyHash().equals(keyHash);
      if (value.isPresent() != ownLeaf) {
        return false;
      }
      if (ownLeaf && !leaf.valueHash().equals(TreeHashing.valueHash(value.get()))) {
        return false;
      }
      node = TreeHashing.leafHash(leaf.keyHash(), leaf.valueHash());
    } else {
      if (value.isPresent()) {
        return false;
      }
      node = TreeHashing.EMPTY;
    }
    for (int i = depth - 1; i >= 0; i--) {
      Hash32 sibling = siblings.get(i);
      node =
          keyHash.bit(i)
              ? TreeHashing.branchHash(sibling, node)
              : TreeHashing.branchHash(node, sibling);
    }
    return node.equals(root);
  }

  private static boolean samePrefix(Hash32 a, Hash32 b, int bits) {
    for (int i = 0; i < bits; i++) {
      if (a.bit(i) != b.bit(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code version(1) ‖ depth(u16) ‖ bitmap(ceil(depth/8)) ‖ non-empty siblings(32 each) ‖ tag(1: 0
   * empty, 1 leaf) ‖ [keyHash(32) ‖ valueHash(32)]}; bitmap bit i (most significant bit first) is
   * set when sibling i is not the empty hash.
   */
  public Bytes encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int depth = siblings.size();
    out.write(FORMAT_VERSION);
    out.write(depth >>> 8);
    out.write(depth);
    byte[] bitmap = new byte[(depth + 7) / 8];
    for (int i = 0; i < depth; i++) {
      if (!siblings.get(i).isZero()) {
        bitmap[i >>> 3] |= (byte) (0x80 >>> (i & 7));
      }
    }
    out.writeBytes(bitmap);
    siblings.stream().filter(s -> !s.isZero()).forEach(s -> out.writeBytes(s.toArray()));
    out.write(terminal.isPresent() ? 1 : 0);
    terminal.ifPresent(
        t -> {
          out.writeBytes(t.keyHash().toArray());
          out.writeBytes(t.valueHash().toArray());
        });
    return Bytes.of(out.toByteArray());
  }

  /**
   * Decodes the wire form strictly: known version, depth at most 256, zero padding bits, no sibling
   * given explicitly as the empty hash, a known tag, no trailing bytes.
   *
   * @throws IllegalArgumentException naming the first defect
   */
  public static StateProof decode(Bytes encoded) {
    if (encoded.size() > MAX_ENCODED_SIZE) {
      throw new IllegalArgumentException(
          "state proof of " + encoded.size() + " bytes exceeds " + MAX_ENCODED_SIZE);
    }
    byte[] b = encoded.toArray();
    Reader r = new Reader(b);
    int version = r.u8();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException("unknown state proof version " + version);
    }
    int depth = (r.u8() << 8) | r.u8();
    if (depth > TreeHashing.MAX_DEPTH) {
      throw new IllegalArgumentException("state proof depth " + depth + " exceeds 256");
    }
    byte[] bitmap = r.take((depth + 7) / 8);
    List<Hash32> siblings = new ArrayList<>(depth);
    for (int i = 0; i < bitmap.length * 8; i++) {
      boolean set = (bitmap[i >>> 3] & (0x80 >>> (i & 7))) != 0;
      if (i >= depth) {
        if (set) {
          throw new IllegalArgumentException("state proof bitmap has a padding bit set");
        }
        continue;
      }
      Hash32 sibling = set ? Hash32.of(r.take(32)) : TreeHashing.EMPTY;
      if (set && sibling.isZero()) {
        throw new IllegalArgumentException("state proof gives an empty sibling explicitly");
      }
      siblings.add(sibling);
    }
    int tag = r.u8();
    Optional<LeafRef> terminal;
    if (tag == 0) {
      terminal = Optional.empty();
    } else if (tag == 1) {
      terminal = Optional.of(new LeafRef(Hash32.of(r.take(32)), Hash32.of(r.take(32))));
    } else {
      throw new IllegalArgumentException("unknown state proof terminal tag " + tag);
    }
    if (r.remaining() != 0) {
      throw new IllegalArgumentException("state proof has " + r.remaining() + " trailing bytes");
    }
    return new StateProof(siblings, terminal);
  }

  private static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    int u8() {
      return take(1)[0] & 0xff;
    }

    byte[] take(int n) {
      if (bytes.length - at < n) {
        throw new IllegalArgumentException("state proof truncated at byte " + at);
      }
      byte[] out = java.util.Arrays.copyOfRange(bytes, at, at + n);
      at += n;
      return out;
    }

    int remaining() {
      return bytes.length - at;
    }
  }
}
