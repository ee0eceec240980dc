package io.fugue.chain.storage;

/**
 * Tuning of the node database.
 *
 * @param blockCacheBytes size of the block cache shared by every column family
 * @param bloomBitsPerKey bits per key of the bloom filters that make point lookups of absent keys
 *     cheap (state-node and index reads are point lookups); 0 turns them off
 */
public record RocksDbConfig(long blockCacheBytes, int bloomBitsPerKey) {
  public RocksDbConfig {
    if (blockCacheBytes < 0 || bloomBitsPerKey < 0) {
      throw new IllegalArgumentException("negative RocksDB setting");
    }
  }

  public static RocksDbConfig defaults() {
    return new RocksDbConfig(128L << 20, 10);
  }

  public RocksDbConfig withBlockCacheBytes(long bytes) {
    return new RocksDbConfig(bytes, bloomBitsPerKey);
  }
}
