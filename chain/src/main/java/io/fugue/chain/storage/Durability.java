package io.fugue.chain.storage;

/**
 * How a committed transaction survives failures. Both modes survive the death of the node process
 * (including kill -9): the write-ahead log is handed to the operating system before commit returns.
 * Only {@link #SYNC} also survives a power cut or kernel crash, at the cost of an fsync.
 */
public enum Durability {
  /** fsync the write-ahead log before commit returns. Blocks and anything signed use this. */
  SYNC,
  /** Return once the operating system holds the write-ahead log; for rebuildable data. */
  BUFFERED
}
