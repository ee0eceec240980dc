package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The version of the database layout (columns, key layouts, value encodings). Stored in {@link
 * Column#META} when a database is created and checked at every open: a node never reads a database
 * written with another layout. Bump {@link #CURRENT} with any incompatible change.
 */
public final class SchemaVersion {
  /** The layout this code reads and writes. */
  public static final int CURRENT = 1;

  static final Bytes KEY = Bytes.of("schema-version".getBytes(StandardCharsets.US_ASCII));

  private SchemaVersion() {}

  /**
   * Writes {@link #CURRENT} into a new, empty store, or checks the stored version of an existing
   * one.
   *
   * @throws StorageException if the stored version differs, or data exists without a version
   */
  static void checkOrInitialise(KeyValueStore store) {
    Optional<Bytes> stored = store.get(Column.META, KEY);
    if (stored.isPresent()) {
      Bytes v = stored.get();
      if (v.size() != 4) {
        throw new StorageException("unreadable schema version record " + v);
      }
      int version = Keys.readU32(v, 0);
      if (version != CURRENT) {
        throw new StorageException(
            "database schema version is "
                + Integer.toUnsignedString(version)
                + " but this node reads version "
                + CURRENT
                + "; migrate or use another data directory");
      }
      return;
    }
    if (!isEmpty(store)) {
      throw new StorageException(
          "database holds data but no schema version; it was not written by a Fugue node");
    }
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.META, KEY, Keys.u32(CURRENT));
      tx.commit(Durability.SYNC);
    }
  }

  private static boolean isEmpty(KeyValueStore store) {
    boolean[] empty = {true};
    for (Column c : Column.values()) {
      store.scan(c, KeyRange.all(), kv -> empty[0] = false);
      if (!empty[0]) {
        return false;
      }
    }
    return true;
  }
}
