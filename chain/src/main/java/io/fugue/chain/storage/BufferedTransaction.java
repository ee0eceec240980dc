package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bookkeeping shared by the store implementations: buffers writes (last write of a key wins)
 * and guards the finished state, leaving only the atomic apply to the subclass.
 */
abstract class BufferedTransaction implements KvTransaction {
  /** A buffered write: a value to put, or empty for a delete. */
  record Slot(Column column, Bytes key) {}

  private final Map<Slot, Optional<Bytes>> writes = new LinkedHashMap<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private boolean finished;

  @Override
  public void put(Column column, Bytes key, Bytes value) {
    Objects.requireNonNull(value, "value");
    writes.put(slot(column, key), Optional.of(value));
  }

  @Override
  public void delete(Column column, Bytes key) {
    writes.put(slot(column, key), Optional.empty());
  }

  @Override
  public void commit(Durability durability) {
    Objects.requireNonNull(durability, "durability");
    ensureOpen();
    finished = true;
    apply(writes, durability);
    writes.clear();
    afterCommit.forEach(Runnable::run);
    afterCommit.clear();
  }

  @Override
  public void afterCommit(Runnable action) {
    ensureOpen();
    afterCommit.add(Objects.requireNonNull(action, "action"));
  }

  @Override
  public void rollback() {
    ensureOpen();
    finished = true;
    writes.clear();
    afterCommit.clear();
  }

  @Override
  public void close() {
    if (!finished) {
      rollback();
    }
  }

  /** Applies all writes atomically, or none (then throws {@link StorageException}). */
  protected abstract void apply(Map<Slot, Optional<Bytes>> writes, Durability durability);

  private Slot slot(Column column, Bytes key) {
    ensureOpen();
    return new Slot(Objects.requireNonNull(column, "column"), Objects.requireNonNull(key, "key"));
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("transaction already committed or rolled back");
    }
  }
}
