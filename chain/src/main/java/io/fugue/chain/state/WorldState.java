package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.KeyValueStore;
import java.util.Optional;

/**
 * Entry point to the authenticated state kept in a {@link KeyValueStore}: views at any committed
 * root, a {@link BlockState} to execute a block on top of a root, and proofs. Every root ever
 * committed stays readable (nodes are not pruned yet).
 */
public final class WorldState {
  /** The root of the empty state. */
  public static final Hash32 EMPTY_ROOT = SparseMerkleTree.EMPTY_ROOT;

  private final SparseMerkleTree tree;

  public WorldState(KeyValueStore store) {
    this(store, SparseMerkleTree.DEFAULT_CACHED_NODES);
  }

  /** A world state that keeps up to {@code cachedNodes} decoded tree nodes in memory. */
  public WorldState(KeyValueStore store, int cachedNodes) {
    this.tree = new SparseMerkleTree(store, cachedNodes);
  }

  /** The state at a committed root. */
  public StateView view(Hash32 root) {
    return new StateView() {
      @Override
      public Account account(Bytes address) {
        return tree.get(root, StateKeys.account(address))
            .map(Account::decode)
            .orElse(Account.EMPTY);
      }

      @Override
      public Optional<Bytes> moduleValue(Bytes moduleId, Bytes key) {
        return tree.get(root, StateKeys.module(moduleId, key));
      }
    };
  }

  /** A writer for the next block on top of {@code parentRoot}. */
  public BlockState newBlockState(Hash32 parentRoot) {
    return new BlockState(tree, parentRoot);
  }

  /** Inclusion or exclusion proof for any logical key (see {@link StateKeys}). */
  public StateProof prove(Hash32 root, Bytes logicalKey) {
    return tree.prove(root, logicalKey);
  }

  /** Proof for an account; verify with the value {@code account.encode()} or empty if absent. */
  public StateProof proveAccount(Hash32 root, Bytes address) {
    return prove(root, StateKeys.account(address));
  }

  /** Proof for a ledger-module record. */
  public StateProof proveModuleValue(Hash32 root, Bytes moduleId, Bytes key) {
    return prove(root, StateKeys.module(moduleId, key));
  }

  /** The underlying tree, for tools and tests that work with raw logical keys. */
  public SparseMerkleTree tree() {
    return tree;
  }
}
