package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state root computed straight from its definition (docs/protocol.md, "State commitment"), over
 * a whole map at once and without storage: the oracle the incremental tree is checked against.
 */
final class ReferenceTree {
  private ReferenceTree() {}

  static Hash32 root(Map<Bytes, Bytes> contents) {
    List<Hash32[]> leaves = new ArrayList<>();
    contents.forEach(
        (k, v) -> leaves.add(new Hash32[] {TreeHashing.keyHash(k), TreeHashing.valueHash(v)}));
    return subtree(leaves, 0);
  }

  private static Hash32 subtree(List<Hash32[]> leaves, int depth) {
    if (leaves.isEmpty()) {
      return Hash32.ZERO;
    }
    if (leaves.size() == 1) {
      return TreeHashing.leafHash(leaves.get(0)[0], leaves.get(0)[1]);
    }
    List<Hash32[]> left = new ArrayList<>();
    List<Hash32[]> right = new ArrayList<>();
    for (Hash32[] leaf : leaves) {
      (leaf[0].bit(depth) ? right : left).add(leaf);
    }
    return TreeHashing.branchHash(subtree(left, depth + 1), subtree(right, depth + 1));
  }
}
