package io.fugue.chain.execution;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.KvTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link KvTransaction} that only records its writes, so a block executed for validation or
 * proposal can later be committed by replaying them into a real transaction instead of executing it
 * again. Commit and rollback just close it. One thread at a time.
 */
final class RecordedWrites implements KvTransaction {
  private record Write(Column column, Bytes key, Bytes value) {}

  private final List<Write> writes = new ArrayList<>();
  // Actions wait for the real transaction the writes are replayed into: only its commit makes
  // them durable (e.g. the state tree caches nodes only once they are on disk).
  private final List<Runnable> afterCommit = new ArrayList<>();
  private boolean finished;

  @Override
  public void put(Column column, Bytes key, Bytes value) {
    ensureOpen();
    writes.add(
        new Write(
            Objects.requireNonNull(column),
            Objects.requireNonNull(key),
            Objects.requireNonNull(value)));
  }

  @Override
  public void delete(Column column, Bytes key) {
    ensureOpen();
    writes.add(new Write(Objects.requireNonNull(column), Objects.requireNonNull(key), null));
  }

  @Override
  public void afterCommit(Runnable action) {
    ensureOpen();
    afterCommit.add(Objects.requireNonNull(action));
  }

  @Override
  public void commit(Durability durability) {
    finished = true;
  }

  @Override
  public void rollback() {
    finished = true;
  }

  @Override
  public void close() {
    finished = true;
  }

  /** Applies the recorded writes, in order, to {@code tx}. */
  void replayInto(KvTransaction tx) {
    for (Write w : writes) {
      if (w.value() == null) {
        tx.delete(w.column(), w.key());
      } else {
        tx.put(w.column(), w.key(), w.value());
      }
    }
    afterCommit.forEach(tx::afterCommit);
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("recorded writes already closed");
    }
  }
}
