package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.chain.storage.StorageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compact sparse Merkle tree over 256-bit key hashes, persisted node by node in {@link
 * Column#STATE_NODES}. Its shape depends only on the set of keys: an empty subtree is the zero
 * hash, a subtree holding exactly one leaf is that leaf (it sits at the shallowest depth where it
 * is alone), and every other subtree is a branch. So the root is the same for the same contents,
 * whatever the order or batching of the writes. Nodes are never deleted, so every earlier root
 * stays readable and provable. Decoded nodes are cached (LRU): those read from the store, and those
 * written by an update once its transaction has committed.
 */
public final class SparseMerkleTree {
  /** The root of the tree with no keys. */
  public static final Hash32 EMPTY_ROOT = TreeHashing.EMPTY;

  /** Decoded nodes kept in memory by default: the top levels of a large tree, ~40 MB. */
  public static final int DEFAULT_CACHED_NODES = 200_000;

  private final KeyValueStore store;
  private final NodeCache cache;

  public SparseMerkleTree(KeyValueStore store) {
    this(store, DEFAULT_CACHED_NODES);
  }

  /** A tree that keeps up to {@code cachedNodes} decoded nodes in memory. */
  public SparseMerkleTree(KeyValueStore store, int cachedNodes) {
    this.store = Objects.requireNonNull(store, "store");
    if (cachedNodes < 0) {
      throw new IllegalArgumentException("negative cache size " + cachedNodes);
    }
    this.cache = new NodeCache(cachedNodes);
  }

  /** The value of {@code logicalKey} under {@code root}. */
  public Optional<Bytes> get(Hash32 root, Bytes logicalKey) {
    Hash32 keyHash = TreeHashing.keyHash(logicalKey);
    Hash32 at = root;
    for (int depth = 0; ; depth++) {
      if (at.isZero()) {
        return Optional.empty();
      }
      TreeNode node = load(at);
      if (node instanceof TreeNode.Leaf leaf) {
        return leaf.keyHash().equals(keyHash) ? Optional.of(leaf.value()) : Optional.empty();
      }
      at = ((TreeNode.Branch) node).child(keyHash.bit(depth));
    }
  }

  /**
   * An inclusion proof if {@code logicalKey} has a value under {@code root}, else an exclusion
   * proof.
   */
  public StateProof prove(Hash32 root, Bytes logicalKey) {
    Hash32 keyHash = TreeHashing.keyHash(logicalKey);
    List<Hash32> siblings = new ArrayList<>();
    Hash32 at = root;
    for (int depth = 0; ; depth++) {
      if (at.isZero()) {
        return new StateProof(siblings, Optional.empty());
      }
      TreeNode node = load(at);
      if (node instanceof TreeNode.Leaf leaf) {
        StateProof.LeafRef ref =
            new StateProof.LeafRef(leaf.keyHash(), TreeHashing.valueHash(leaf.value()));
        return new StateProof(siblings, Optional.of(ref));
      }
      TreeNode.Branch branch = (TreeNode.Branch) node;
      boolean right = keyHash.bit(depth);
      siblings.add(branch.child(!right));
      at = branch.child(right);
    }
  }

  /**
   * Applies {@code writes} (a value to set, or empty to delete) to the tree under {@code root},
   * puts every new node into {@code tx} and returns the new root. Nothing is visible until the
   * caller commits {@code tx}; the old root stays readable. The new root is readable only after the
   * commit, so two updates in one transaction cannot be chained.
   */
  public Hash32 update(Hash32 root, Map<Bytes, Optional<Bytes>> writes, KvTransaction tx) {
    List<Write> sorted = new ArrayList<>(writes.size());
    writes.forEach(
        (k, v) ->
            sorted.add(new Write(TreeHashing.keyHash(k), Objects.requireNonNull(v, "value"))));
    sorted.sort(Comparator.comparing(Write::keyHash));
    Updater updater = new Updater(tx);
    Hash32 newRoot = updater.update(root, 0, sorted).hash();
    List<TreeNode> created = updater.created;
    tx.afterCommit(() -> created.forEach(cache::put));
    return newRoot;
  }

  TreeNode load(Hash32 hash) {
    TreeNode cached = cache.get(hash);
    if (cached != null) {
      return cached;
    }
    Bytes encoded =
        store
            .get(Column.STATE_NODES, hash.toBytes())
            .orElseThrow(() -> new StorageException("missing state node " + hash));
    TreeNode node = TreeNode.decode(hash, encoded);
    cache.put(node);
    return node;
  }

  private record Write(Hash32 keyHash, Optional<Bytes> value) {}

  /** A subtree after an update: its hash, and whether it is a single leaf (which may float up). */
  private record Ref(Hash32 hash, Kind kind) {
    static final Ref EMPTY = new Ref(TreeHashing.EMPTY, Kind.EMPTY);
  }

  private enum Kind {
    EMPTY,
    LEAF,
    BRANCH,
    UNKNOWN
  }

  private final class Updater {
    private final KvTransaction tx;

    /** Nodes written by this update: cached once the transaction commits, never before. */
    final List<TreeNode> created = new ArrayList<>();

    Updater(KvTransaction tx) {
      this.tx = tx;
    }

    /** {@code writes} are sorted and all lie under the subtree {@code at} at {@code depth}. */
    Ref update(Hash32 at, int depth, List<Write> writes) {
      if (writes.isEmpty()) {
        return new Ref(at, at.isZero() ? Kind.EMPTY : Kind.UNKNOWN);
      }
      if (at.isZero()) {
        return build(depth, puts(writes, null));
      }
      TreeNode node = load(at);
      if (node instanceof TreeNode.Leaf leaf) {
        return build(depth, puts(writes, leaf));
      }
      TreeNode.Branch branch = (TreeNode.Branch) node;
      int split = splitIndex(writes, depth);
      Ref left = update(branch.left(), depth + 1, writes.subList(0, split));
      Ref right = update(branch.right(), depth + 1, writes.subList(split, writes.size()));
      return join(left, right);
    }

    /** The new leaves of a subtree that held at most {@code existing}. */
    private List<TreeNode.Leaf> puts(List<Write> writes, TreeNode.Leaf existing) {
      List<TreeNode.Leaf> leaves = new ArrayList<>(writes.size() + 1);
      boolean existingWritten = false;
      for (Write w : writes) {
        if (existing != null && w.keyHash().equals(existing.keyHash())) {
          existingWritten = true;
        }
        w.value().ifPresent(v -> leaves.add(TreeNode.Leaf.of(w.keyHash(), v)));
      }
      if (existing != null && !existingWritten) {
        leaves.add(existing);
        leaves.sort(Comparator.comparing(TreeNode.Leaf::keyHash));
      }
      return leaves;
    }

    /** The canonical subtree at {@code depth} holding exactly {@code leaves} (sorted). */
    private Ref build(int depth, List<TreeNode.Leaf> leaves) {
      if (leaves.isEmpty()) {
        return Ref.EMPTY;
      }
      if (leaves.size() == 1) {
        TreeNode.Leaf leaf = leaves.get(0);
        store(leaf);
        return new Ref(leaf.hash(), Kind.LEAF);
      }
      int split = splitLeaves(leaves, depth);
      Ref left = build(depth + 1, leaves.subList(0, split));
      Ref right = build(depth + 1, leaves.subList(split, leaves.size()));
      TreeNode.Branch branch = TreeNode.Branch.of(left.hash(), right.hash());
      store(branch);
      return new Ref(branch.hash(), Kind.BRANCH);
    }

    /** A branch over two updated children, collapsed when only a single leaf remains. */
    private Ref join(Ref left, Ref right) {
      if (left.kind() == Kind.EMPTY && right.kind() == Kind.EMPTY) {
        return Ref.EMPTY;
      }
      if (left.kind() == Kind.EMPTY && kindOf(right) == Kind.LEAF) {
        return right;
      }
      if (right.kind() == Kind.EMPTY && kindOf(left) == Kind.LEAF) {
        return left;
      }
      TreeNode.Branch branch = TreeNode.Branch.of(left.hash(), right.hash());
      store(branch);
      return new Ref(branch.hash(), Kind.BRANCH);
    }

    private Kind kindOf(Ref ref) {
      if (ref.kind() != Kind.UNKNOWN) {
        return ref.kind();
      }
      return load(ref.hash()) instanceof TreeNode.Leaf ? Kind.LEAF : Kind.BRANCH;
    }

    private void store(TreeNode node) {
      created.add(node);
      tx.put(Column.STATE_NODES, node.hash().toBytes(), node.encode());
    }
  }

  private static int splitIndex(List<Write> writes, int depth) {
    int i = 0;
    while (i < writes.size() && !writes.get(i).keyHash().bit(depth)) {
      i++;
    }
    return i;
  }

  private static int splitLeaves(List<TreeNode.Leaf> leaves, int depth) {
    int i = 0;
    while (i < leaves.size() && !leaves.get(i).keyHash().bit(depth)) {
      i++;
    }
    return i;
  }
}
