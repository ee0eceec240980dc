package io.fugue.chain.storage;

/**
 * Tuning of a node database, sized per use: {@link #validator()} (one node per machine, the
 * default) and {@link #devnet()} (a dozen small databases in one process, on a laptop's disk).
 *
 * @param blockCacheBytes size of the block cache shared by every column family
 * @param bloomBitsPerKey bits per key of the bloom filters that make point lookups of absent keys
 *     cheap (state-node and index reads are point lookups); 0 turns them off
 * @param writeBufferBytes the memtable size per column family. RocksDB preallocates each WAL file
 *     at 1.1 times this (64 MiB gives the 71 MB WAL files), so small databases want it small
 * @param maxTotalWalBytes flush memtables once the WAL files together exceed this; 0 lets RocksDB
 *     choose (four times the memtables' total)
 * @param sharedBlockCache use the process-wide block cache of this size ({@link #blockCacheBytes})
 *     instead of one per database, so several databases in one process (chain, beacon replica,
 *     services; or the devnet's validators) stay within one memory budget
 */
public record RocksDbConfig(
    long blockCacheBytes,
    int bloomBitsPerKey,
    long writeBufferBytes,
    long maxTotalWalBytes,
    boolean sharedBlockCache) {
  /** RocksDB's own memtable default. */
  public static final long DEFAULT_WRITE_BUFFER = 64L << 20;

  public RocksDbConfig {
    if (blockCacheBytes < 0 || bloomBitsPerKey < 0 || maxTotalWalBytes < 0) {
      throw new IllegalArgumentException("negative RocksDB setting");
    }
    if (writeBufferBytes < (1L << 20)) {
      throw new IllegalArgumentException("writeBufferBytes must be at least 1 MiB");
    }
  }

  public RocksDbConfig(long blockCacheBytes, int bloomBitsPerKey) {
    this(blockCacheBytes, bloomBitsPerKey, DEFAULT_WRITE_BUFFER, 0, false);
  }

  /** {@link #validator()}. */
  public static RocksDbConfig defaults() {
    return validator();
  }

  /**
   * A validator's database: a 128 MiB block cache shared by the process's databases, RocksDB's 64
   * MiB memtables (fewer, larger flushes; each WAL file preallocated at about 71 MB).
   */
  public static RocksDbConfig validator() {
    return new RocksDbConfig(128L << 20, 10, DEFAULT_WRITE_BUFFER, 0, true);
  }

  /**
   * One of the devnet's many databases: a 32 MiB block cache shared by all of them, 4 MiB memtables
   * (WAL files preallocated at about 4.4 MB, not 71 MB) and at most 16 MiB of WAL.
   */
  public static RocksDbConfig devnet() {
    return new RocksDbConfig(32L << 20, 10, 4L << 20, 16L << 20, true);
  }

  public RocksDbConfig withBlockCacheBytes(long bytes) {
    return new RocksDbConfig(
        bytes, bloomBitsPerKey, writeBufferBytes, maxTotalWalBytes, sharedBlockCache);
  }
}
