/**
 * Genesis: the strict JSON file ({@link io.fugue.chain.genesis.GenesisParser}, described in
 * docs/genesis.md), the deterministic block 0 of each shard ({@link
 * io.fugue.chain.genesis.Genesis}), and seeded development networks ({@link
 * io.fugue.chain.genesis.DevnetGenesis}).
 */
package io.fugue.chain.genesis;
