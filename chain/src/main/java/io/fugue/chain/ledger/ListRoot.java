package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.CodecLimits;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle root of an ordered list: the tree hash of RFC 9162 §2.1 (Certificate Transparency)
 * with keccak-256 ({@code leaf = H(0x00 ‖ item)}, {@code node = H(0x01 ‖ left ‖ right)}, the left
 * subtree holding the largest power of two below n items), then bound to the list size: {@code root
 * = H(0x02 ‖ uint64be(n) ‖ treeHash)}. The prefixes keep a leaf from passing as an inner node and
 * no item is duplicated to fill a level, so two different lists never share a root. Binding n
 * matters because a verifier here (unlike a CT client) does not learn the size elsewhere: without
 * it, one proof could claim index 1 of 2 or index 2 of 3. The empty list's root is 32 zero bytes.
 */
public final class ListRoot {
  private static final Bytes LEAF_PREFIX = Bytes.of((byte) 0);
  private static final Bytes NODE_PREFIX = Bytes.of((byte) 1);
  private static final byte SIZE_PREFIX = 2;

  private ListRoot() {}

  /**
   * An inclusion proof: the sibling hashes from the leaf up to the root. Encoded as {@code 0x01 ‖
   * rlp([index, size, [sibling...]])}.
   */
  public record Proof(int index, int size, List<Hash32> path) {
    public static final int VERSION = 0x01;

    /** A list of 2^31 items needs 31 siblings; more is never a valid proof. */
    public static final int MAX_PATH = 32;

    public Proof {
      path = List.copyOf(path);
      if (size < 1 || index < 0 || index >= size) {
        throw new IllegalArgumentException("index " + index + " outside a list of " + size);
      }
      if (path.size() > MAX_PATH) {
        throw new IllegalArgumentException("proof path longer than " + MAX_PATH);
      }
    }

    public Bytes encode() {
      List<RlpItem> siblings = new ArrayList<>(path.size());
      path.forEach(h -> siblings.add(RlpString.of(h)));
      return Rlp.encodeTyped(
          VERSION,
          RlpList.of(RlpString.ofUint(index), RlpString.ofUint(size), new RlpList(siblings)));
    }

    public static Proof decode(Bytes encoded) {
      return Decoding.decoding(
          "list proof",
          () -> {
            Rlp.Typed typed =
                Rlp.decodeTyped(
                    encoded,
                    CodecLimits.defaults()
                        .withMaxInputBytes(64 + MAX_PATH * 33)
                        .withMaxItems(MAX_PATH + 4));
            if (typed.type() != VERSION) {
              throw new CodecException("unknown list proof version " + typed.type());
            }
            RlpList f = typed.payload().asList().expectSize(3, "list proof");
            RlpList p = f.list(2);
            List<Hash32> siblings = new ArrayList<>(p.size());
            for (int i = 0; i < p.size(); i++) {
              siblings.add(p.string(i).asHash32());
            }
            return new Proof(f.string(0).asInt(), f.string(1).asInt(), siblings);
          });
    }
  }

  public static Hash32 leafHash(Bytes item) {
    return Hashing.keccak256(LEAF_PREFIX, item);
  }

  static Hash32 nodeHash(Hash32 left, Hash32 right) {
    return Hashing.keccak256(NODE_PREFIX, left.toBytes(), right.toBytes());
  }

  /** The root over the items (each item is usually one object's canonical encoding). */
  public static Hash32 of(List<Bytes> items) {
    if (items.isEmpty()) {
      return Hash32.ZERO;
    }
    List<Hash32> leaves = new ArrayList<>(items.size());
    for (Bytes item : items) {
      leaves.add(leafHash(item));
    }
    return bindSize(leaves.size(), subtree(leaves, 0, leaves.size()));
  }

  private static Hash32 bindSize(int size, Hash32 treeHash) {
    byte[] prefix = new byte[9];
    prefix[0] = SIZE_PREFIX;
    long n = size;
    for (int i = 8; i >= 1; i--) {
      prefix[i] = (byte) n;
      n >>>= 8;
    }
    return Hashing.keccak256(Bytes.of(prefix), treeHash.toBytes());
  }

  /** The proof that item {@code index} is in the list. */
  public static Proof prove(List<Bytes> items, int index) {
    Objects.checkIndex(index, items.size());
    List<Hash32> leaves = new ArrayList<>(items.size());
    for (Bytes item : items) {
      leaves.add(leafHash(item));
    }
    List<Hash32> path = new ArrayList<>();
    collectPath(leaves, index, 0, leaves.size(), path);
    return new Proof(index, items.size(), path);
  }

  /** True if {@code proof} shows that {@code item} sits at its index in a list with this root. */
  public static boolean verify(Hash32 root, Bytes item, Proof proof) {
    long fn = proof.index();
    long sn = proof.size() - 1L;
    Hash32 r = leafHash(item);
    for (Hash32 p : proof.path()) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && bindSize(proof.size(), r).equals(root);
  }

  private static Hash32 subtree(List<Hash32> leaves, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from);
    }
    int k = splitPoint(n);
    return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
  }

  // Audit path of RFC 9162 §2.1.3.1, deepest sibling first.
  private static void collectPath(List<Hash32> leaves, int m, int from, int to, List<Hash32> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = splitPoint(n);
    if (m < k) {
      collectPath(leaves, m, from, from + k, out);
      out.add(subtree(leaves, from + k, to));
    } else {
      collectPath(leaves, m - k, from + k, to, out);
      out.add(subtree(leaves, from, from + k));
    }
  }

  /** The largest power of two strictly below {@code n} (n >= 2). */
  private static int splitPoint(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
