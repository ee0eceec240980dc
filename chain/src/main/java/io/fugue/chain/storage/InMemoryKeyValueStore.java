package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * A {@link KeyValueStore} held in sorted maps, for tests and tools. Commits are atomic with respect
 * to readers (a lock, not a log): nothing survives the process.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final Map<Column, NavigableMap<Bytes, Bytes>> columns = new EnumMap<>(Column.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  public InMemoryKeyValueStore() {
    for (Column c : Column.values()) {
      columns.put(c, new TreeMap<>());
    }
    SchemaVersion.checkOrInitialise(this);
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    Objects.requireNonNull(key, "key");
    lock.readLock().lock();
    try {
      ensureOpen();
      return Optional.ofNullable(columns.get(column).get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void scan(Column column, KeyRange range, Predicate<KeyValue> visitor) {
    List<KeyValue> snapshot = new ArrayList<>();
    lock.readLock().lock();
    try {
      ensureOpen();
      NavigableMap<Bytes, Bytes> map = columns.get(column);
      NavigableMap<Bytes, Bytes> sub =
          range.to().isPresent()
              ? map.subMap(range.from(), true, range.to().get(), false)
              : map.tailMap(range.from(), true);
      sub.forEach((k, v) -> snapshot.add(new KeyValue(k, v)));
    } finally {
      lock.readLock().unlock();
    }
    for (KeyValue kv : snapshot) {
      if (!visitor.test(kv)) {
        return;
      }
    }
  }

  @Override
  public KvTransaction startTransaction() {
    ensureOpen();
    return new BufferedTransaction() {
      @Override
      protected void apply(Map<Slot, Optional<Bytes>> writes, Durability durability) {
        lock.writeLock().lock();
        try {
          ensureOpen();
          writes.forEach(
              (slot, value) -> {
                NavigableMap<Bytes, Bytes> map = columns.get(slot.column());
                value.ifPresentOrElse(v -> map.put(slot.key(), v), () -> map.remove(slot.key()));
              });
        } finally {
          lock.writeLock().unlock();
        }
      }
    };
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new StorageException("store is closed");
    }
  }
}
