package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;

/**
 * A set of writes applied all at once or not at all. Writes are buffered: reads through the store
 * do not see them until {@link #commit} returns. A transaction is used by one thread. Closing a
 * transaction that was not committed rolls it back, so try-with-resources never leaks half a block.
 */
public interface KvTransaction extends AutoCloseable {
  /** Sets {@code key} to {@code value} in {@code column}; a later write of the same key wins. */
  void put(Column column, Bytes key, Bytes value);

  /** Removes {@code key} from {@code column} (no effect if absent). */
  void delete(Column column, Bytes key);

  /**
   * Applies every write atomically with the given durability. Afterwards the transaction is
   * finished.
   *
   * @throws StorageException if the store could not apply the writes (none were applied)
   */
  void commit(Durability durability);

  /**
   * Runs {@code action} on the committing thread once {@link #commit} has applied the writes; never
   * if the transaction is rolled back or the commit fails. Lets caches learn of data only once it
   * is durable.
   */
  void afterCommit(Runnable action);

  /** Discards every write. Afterwards the transaction is finished. */
  void rollback();

  /** Rolls back unless already committed or rolled back. */
  @Override
  void close();
}
