package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The narrow storage port of the node: byte keys and values in {@link Column}s, atomic multi-column
 * transactions, and ordered range scans. Implementations: {@link RocksDbKeyValueStore} (the node)
 * and {@link InMemoryKeyValueStore} (tests, tools); both pass one contract suite. Safe for
 * concurrent readers and one writer at a time.
 */
public interface KeyValueStore extends AutoCloseable {
  /** The value of {@code key}, or empty. */
  Optional<Bytes> get(Column column, Bytes key);

  /** Whether {@code key} has a value. */
  default boolean contains(Column column, Bytes key) {
    return get(column, key).isPresent();
  }

  /**
   * Visits the entries of {@code range} in ascending unsigned byte order of their keys until the
   * visitor returns {@code false}. The scan sees a consistent snapshot of the column.
   */
  void scan(Column column, KeyRange range, Predicate<KeyValue> visitor);

  /** Starts a write transaction. */
  KvTransaction startTransaction();

  /** Releases every resource; the store must not be used afterwards. Idempotent. */
  @Override
  void close();
}
