/**
 * The node's embedded key-value store: {@link io.fugue.chain.storage.KeyValueStore} with RocksDB
 * and in-memory implementations, the {@link io.fugue.chain.storage.Column} layout, and the {@link
 * io.fugue.chain.storage.ChainStore} of blocks, indexes and the head. Start with {@code
 * KeyValueStore}.
 */
package io.fugue.chain.storage;
