package io.fugue.chain.state;

import io.fugue.chain.primitives.Hash32;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded LRU cache of decoded tree nodes. Nodes are content-addressed, so a cached node can
 * never be stale. Only nodes known to be in the store are cached: read from it, or written by a
 * transaction that has committed (a node of a rolled-back transaction must not appear to exist).
 */
final class NodeCache {
  private final Map<Hash32, TreeNode> nodes;

  NodeCache(int capacity) {
    this.nodes =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Hash32, TreeNode> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized TreeNode get(Hash32 hash) {
    return nodes.get(hash);
  }

  synchronized void put(TreeNode node) {
    nodes.put(node.hash(), node);
  }
}
