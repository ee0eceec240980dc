package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.StorageException;
import java.util.Objects;

/**
 * A stored node of the state tree, kept in the state-nodes column under its hash. Encodings: a leaf
 * is {@code 0x00 ‖ keyHash(32) ‖ value}, a branch {@code 0x01 ‖ left(32) ‖ right(32)}.
 */
sealed interface TreeNode {
  Hash32 hash();

  Bytes encode();

  record Leaf(Hash32 keyHash, Bytes value, Hash32 hash) implements TreeNode {
    public Leaf {
      Objects.requireNonNull(keyHash, "keyHash");
      Objects.requireNonNull(value, "value");
    }

    static Leaf of(Hash32 keyHash, Bytes value) {
      return new Leaf(keyHash, value, TreeHashing.leafHash(keyHash, TreeHashing.valueHash(value)));
    }

    @Override
    public Bytes encode() {
      return Bytes.concat(Bytes.of(TreeHashing.LEAF), keyHash.toBytes(), value);
    }
  }

  record Branch(Hash32 left, Hash32 right, Hash32 hash) implements TreeNode {
    static Branch of(Hash32 left, Hash32 right) {
      return new Branch(left, right, TreeHashing.branchHash(left, right));
    }

    Hash32 child(boolean rightSide) {
      return rightSide ? right : left;
    }

    @Override
    public Bytes encode() {
      return Bytes.concat(Bytes.of(TreeHashing.BRANCH), left.toBytes(), right.toBytes());
    }
  }

  /**
   * Decodes a node read from the store under {@code hash}. The content is not re-hashed: RocksDB
   * checksums every block it reads, and re-hashing would add a SHA-256 to every node visited.
   */
  static TreeNode decode(Hash32 hash, Bytes encoded) {
    if (encoded.size() >= 33 && encoded.get(0) == TreeHashing.LEAF) {
      return new Leaf(
          Hash32.of(encoded.slice(1, 32)), encoded.slice(33, encoded.size() - 33), hash);
    }
    if (encoded.size() == 65 && encoded.get(0) == TreeHashing.BRANCH) {
      return new Branch(Hash32.of(encoded.slice(1, 32)), Hash32.of(encoded.slice(33, 32)), hash);
    }
    throw new StorageException("corrupt state node " + hash + ": unreadable encoding");
  }
}
