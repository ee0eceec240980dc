package io.fugue.chain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** The contract suite on RocksDB in a temporary directory, plus what only a disk store has. */
class RocksDbKeyValueStoreIT extends KeyValueStoreContract {
  @TempDir Path dir;

  @Override
  protected KeyValueStore newStore() {
    return RocksDbKeyValueStore.open(dir.resolve("db"), RocksDbConfig.defaults());
  }

  @Test
  void shouldKeepCommittedDataAcrossReopen() {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.BLOCKS, b(1), b(2));
      tx.commit(Durability.SYNC);
    }
    store.close();
    store = newStore();
    assertThat(store.get(Column.BLOCKS, b(1))).contains(b(2));
  }

  @Test
  void shouldRefuseDatabaseWithAnotherSchemaVersion() {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.META, SchemaVersion.KEY, Keys.u32(SchemaVersion.CURRENT + 1));
      tx.commit(Durability.SYNC);
    }
    store.close();
    assertThatThrownBy(this::newStore)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("schema version is " + (SchemaVersion.CURRENT + 1));
  }

  @Test
  void shouldRefuseDatabaseWithDataButNoSchemaVersion() {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.BLOCKS, b(1), b(1));
      tx.delete(Column.META, SchemaVersion.KEY);
      tx.commit(Durability.SYNC);
    }
    store.close();
    assertThatThrownBy(this::newStore)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("no schema version");
  }

  @Test
  void shouldRefuseDatabaseWithUnknownColumnFamily() throws Exception {
    store.close();
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, other.toString());
        ColumnFamilyHandle h =
            db.createColumnFamily(new ColumnFamilyDescriptor(new byte[] {(byte) 200}))) {
      assertThat(h).isNotNull();
    }
    assertThatThrownBy(() -> RocksDbKeyValueStore.open(other, RocksDbConfig.defaults()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("unknown column family");
    store = newStore();
  }

  @Test
  void shouldRefuseASecondOpenOfTheSameDatabase() {
    assertThatThrownBy(this::newStore)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.resolve("db").toString());
    assertThat(store.get(Column.META, SchemaVersion.KEY)).isPresent();
  }

  @Test
  void shouldFailClearlyWhenDirectoryIsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> RocksDbKeyValueStore.open(file, RocksDbConfig.defaults()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(file.toString());
  }
}
