package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.KvTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one block being executed: reads see the parent root plus this block's writes, and
 * {@link #commit} folds the writes into the tree inside the caller's transaction, which also
 * carries the block itself, so block and state become durable together. Used by one thread.
 */
public final class BlockState implements StateWriter {
  private final SparseMerkleTree tree;
  private final Hash32 parentRoot;

  /** Logical key → new value, or empty for a delete. */
  private final Map<Bytes, Optional<Bytes>> writes = new HashMap<>();

  /** Undo log: each write's key and what the buffer held for it before (null: nothing). */
  private final List<Undo> journal = new ArrayList<>();

  private boolean committed;

  private record Undo(Bytes key, Optional<Bytes> previous) {}

  BlockState(SparseMerkleTree tree, Hash32 parentRoot) {
    this.tree = tree;
    this.parentRoot = Objects.requireNonNull(parentRoot, "parentRoot");
  }

  public Hash32 parentRoot() {
    return parentRoot;
  }

  /** The number of distinct logical keys written so far. */
  public int pendingWrites() {
    return writes.size();
  }

  @Override
  public Account account(Bytes address) {
    return read(StateKeys.account(address)).map(Account::decode).orElse(Account.EMPTY);
  }

  @Override
  public Optional<Bytes> moduleValue(Bytes moduleId, Bytes key) {
    return read(StateKeys.module(moduleId, key));
  }

  @Override
  public void setAccount(Bytes address, Account account) {
    Bytes key = StateKeys.account(address);
    write(key, account.isEmpty() ? Optional.empty() : Optional.of(account.encode()));
  }

  @Override
  public void putModuleValue(Bytes moduleId, Bytes key, Bytes value) {
    write(StateKeys.module(moduleId, key), Optional.of(Objects.requireNonNull(value, "value")));
  }

  @Override
  public void deleteModuleValue(Bytes moduleId, Bytes key) {
    write(StateKeys.module(moduleId, key), Optional.empty());
  }

  @Override
  public int checkpoint() {
    return journal.size();
  }

  @Override
  public void revertTo(int checkpoint) {
    if (checkpoint < 0 || checkpoint > journal.size()) {
      throw new IllegalArgumentException("no checkpoint " + checkpoint);
    }
    for (int i = journal.size() - 1; i >= checkpoint; i--) {
      Undo undo = journal.remove(i);
      if (undo.previous() == null) {
        writes.remove(undo.key());
      } else {
        writes.put(undo.key(), undo.previous());
      }
    }
  }

  /**
   * Puts the new tree nodes into {@code tx} and returns the new state root. The caller commits
   * {@code tx} (with the block) or rolls it back; this writer cannot be used afterwards.
   */
  public Hash32 commit(KvTransaction tx) {
    ensureOpen();
    committed = true;
    return tree.update(parentRoot, writes, tx);
  }

  private Optional<Bytes> read(Bytes logicalKey) {
    ensureOpen();
    Optional<Bytes> buffered = writes.get(logicalKey);
    return buffered != null ? buffered : tree.get(parentRoot, logicalKey);
  }

  private void write(Bytes logicalKey, Optional<Bytes> value) {
    ensureOpen();
    journal.add(new Undo(logicalKey, writes.get(logicalKey)));
    writes.put(logicalKey, value);
  }

  private void ensureOpen() {
    if (committed) {
      throw new IllegalStateException("block state already committed");
    }
  }
}
