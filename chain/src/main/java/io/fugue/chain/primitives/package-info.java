/**
 * Value types shared by the whole chain: {@link io.fugue.chain.primitives.Bytes}, {@link
 * io.fugue.chain.primitives.Hash32}, {@link io.fugue.chain.primitives.Address}, {@link
 * io.fugue.chain.primitives.Uint256}, {@link io.fugue.chain.primitives.ShardId}, the hash functions
 * ({@link io.fugue.chain.primitives.Hashing}) and the module's exception root {@link
 * io.fugue.chain.primitives.ChainException}.
 */
package io.fugue.chain.primitives;
