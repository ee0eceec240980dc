package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;

/**
 * The hashing rules of the state tree, shared by the tree and the proof verifier. Domain
 * separation: a leaf is hashed with prefix byte 0x00, a branch with 0x01, and the empty subtree is
 * 32 zero bytes at every height, which no SHA-256 output is expected to equal.
 */
final class TreeHashing {
  static final byte LEAF = 0x00;
  static final byte BRANCH = 0x01;
  static final Hash32 EMPTY = Hash32.ZERO;

  /** Key hashes are 256 bits, so a leaf sits at depth 0..256. */
  static final int MAX_DEPTH = 256;

  private TreeHashing() {}

  /** The tree path of a logical key: SHA-256 of the key. */
  static Hash32 keyHash(Bytes logicalKey) {
    return Sha256.hash(logicalKey);
  }

  static Hash32 valueHash(Bytes value) {
    return Sha256.hash(value);
  }

  /** {@code SHA-256(0x00 ‖ keyHash ‖ SHA-256(value))}. */
  static Hash32 leafHash(Hash32 keyHash, Hash32 valueHash) {
    return Sha256.hash(LEAF, keyHash, valueHash);
  }

  /** {@code SHA-256(0x01 ‖ left ‖ right)}, where an empty child is 32 zero bytes. */
  static Hash32 branchHash(Hash32 left, Hash32 right) {
    return Sha256.hash(BRANCH, left, right);
  }
}
