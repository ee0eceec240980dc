/**
 * The authenticated state: a sparse Merkle tree whose nodes live in the {@link
 * io.fugue.chain.storage.KeyValueStore}, accounts and namespaced ledger-module records on top of
 * it, and proofs a light client checks with {@link io.fugue.chain.state.StateProof#verify}. Start
 * with {@link io.fugue.chain.state.WorldState}.
 */
package io.fugue.chain.state;
