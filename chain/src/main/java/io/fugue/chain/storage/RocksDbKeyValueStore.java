package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The node database: one RocksDB per node, one column family per {@link Column} (named by its byte
 * id), one atomic {@link WriteBatch} per transaction. Opening checks the {@link SchemaVersion} and
 * refuses unknown column families. Every call holds a read lock that {@link #close()} takes
 * exclusively, so native handles are never used after they are freed.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final List<AbstractNativeReference> owned = new ArrayList<>();
  private final Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
  private final List<ColumnFamilyHandle> allHandles = new ArrayList<>();
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final WriteOptions syncWrites;
  private final WriteOptions bufferedWrites;
  private RocksDB db;
  private boolean closed;

  private RocksDbKeyValueStore(Path directory) {
    this.directory = directory;
    this.syncWrites = own(new WriteOptions().setSync(true));
    this.bufferedWrites = own(new WriteOptions().setSync(false));
  }

  /**
   * Opens (creating if needed) the database in {@code directory}.
   *
   * @throws StorageException if it cannot be opened, has another schema version, or has column
   *     families this node does not know
   */
  public static RocksDbKeyValueStore open(Path directory, RocksDbConfig config) {
    Objects.requireNonNull(config, "config");
    RocksDbKeyValueStore store = new RocksDbKeyValueStore(directory);
    try {
      store.openDb(config);
      SchemaVersion.checkOrInitialise(store);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e instanceof StorageException se
          ? se
          : new StorageException("cannot open database in " + directory, e);
    }
  }

  private void openDb(RocksDbConfig config) {
    try {
      Files.createDirectories(directory);
      checkNoUnknownFamilies();
      LRUCache cache =
          config.sharedBlockCache()
              ? sharedCache(config.blockCacheBytes())
              : own(new LRUCache(config.blockCacheBytes()));
      BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
      if (config.bloomBitsPerKey() > 0) {
        table.setFilterPolicy(own(new BloomFilter(config.bloomBitsPerKey())));
      }
      ColumnFamilyOptions cfOptions =
          own(
              new ColumnFamilyOptions()
                  .setTableFormatConfig(table)
                  .setWriteBufferSize(config.writeBufferBytes()));
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
      for (Column c : Column.values()) {
        descriptors.add(new ColumnFamilyDescriptor(c.familyName(), cfOptions));
      }
      DBOptions dbOptions =
          own(
              new DBOptions()
                  .setCreateIfMissing(true)
                  .setCreateMissingColumnFamilies(true)
                  .setMaxTotalWalSize(config.maxTotalWalBytes())
                  // RocksDB keeps 1000 info logs (LOG.old.*) by default: one per restart, forever.
                  .setKeepLogFileNum(3)
                  .setMaxLogFileSize(4L << 20));
      db = RocksDB.open(dbOptions, directory.toString(), descriptors, allHandles);
      // allHandles follows descriptors: the default family first, then Column.values() in order.
      Column[] columns = Column.values();
      for (int i = 0; i < columns.length; i++) {
        handles.put(columns[i], allHandles.get(i + 1));
      }
    } catch (RocksDBException | java.io.IOException e) {
      throw new StorageException("cannot open database in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** One block cache per size for the whole process: never closed, it lives as long as the JVM. */
  private static final Map<Long, LRUCache> SHARED_CACHES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static LRUCache sharedCache(long bytes) {
    return SHARED_CACHES.computeIfAbsent(bytes, LRUCache::new);
  }

  private void checkNoUnknownFamilies() throws RocksDBException {
    List<byte[]> existing;
    try (Options options = new Options()) {
      existing = RocksDB.listColumnFamilies(options, directory.toString());
    }
    for (byte[] name : existing) {
      boolean known =
          Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)
              || (name.length == 1 && Column.byId(name[0] & 0xff).isPresent());
      if (!known) {
        throw new StorageException(
            "database in "
                + directory
                + " has unknown column family "
                + Bytes.of(name)
                + "; it was written by another version of the node");
      }
    }
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    Objects.requireNonNull(column, "column");
    byte[] k = key.toArray();
    return guarded(
        () -> {
          byte[] v = db.get(handles.get(column), k);
          return Optional.ofNullable(v).map(Bytes::of);
        });
  }

  @Override
  public void scan(Column column, KeyRange range, Predicate<KeyValue> visitor) {
    Objects.requireNonNull(column, "column");
    guarded(
        () -> {
          try (ReadOptions ro = new ReadOptions();
              Slice upper = range.to().map(t -> new Slice(t.toArray())).orElse(null);
              RocksIterator it =
                  db.newIterator(
                      handles.get(column), upper == null ? ro : ro.setIterateUpperBound(upper))) {
            for (it.seek(range.from().toArray()); it.isValid(); it.next()) {
              if (!visitor.test(new KeyValue(Bytes.of(it.key()), Bytes.of(it.value())))) {
                break;
              }
            }
            it.status();
          }
          return null;
        });
  }

  @Override
  public KvTransaction startTransaction() {
    return new BufferedTransaction() {
      @Override
      protected void apply(Map<Slot, Optional<Bytes>> writes, Durability durability) {
        guarded(
            () -> {
              try (WriteBatch batch = new WriteBatch()) {
                for (Map.Entry<Slot, Optional<Bytes>> w : writes.entrySet()) {
                  ColumnFamilyHandle h = handles.get(w.getKey().column());
                  byte[] key = w.getKey().key().toArray();
                  if (w.getValue().isPresent()) {
                    batch.put(h, key, w.getValue().get().toArray());
                  } else {
                    batch.delete(h, key);
                  }
                }
                db.write(durability == Durability.SYNC ? syncWrites : bufferedWrites, batch);
              }
              return null;
            });
      }
    };
  }

  /** Closes column families, then the database, then the options they used. Idempotent. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      allHandles.forEach(ColumnFamilyHandle::close);
      if (db != null) {
        db.close();
      }
      for (int i = owned.size() - 1; i >= 0; i--) {
        owned.get(i).close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private interface RocksCall<T> {
    T call() throws RocksDBException;
  }

  private <T> T guarded(RocksCall<T> call) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new StorageException("store " + directory + " is closed");
      }
      return call.call();
    } catch (RocksDBException e) {
      throw new StorageException("RocksDB failure in " + directory + ": " + e.getMessage(), e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private <T extends AbstractNativeReference> T own(T resource) {
    owned.add(resource);
    return resource;
  }
}
