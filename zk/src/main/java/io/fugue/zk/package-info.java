/**
 * Pedersen commitments and Bulletproof range proofs over ristretto255, with predicates on committed
 * values (≥, ≤, between, sum ≥, all in range) bound to a transcript context. Start with {@link
 * io.fugue.zk.RangeStatement} (what is claimed), {@link io.fugue.zk.RangeProver} and {@link
 * io.fugue.zk.RangeVerifier}; {@code docs/zk.md} has a worked example. Every failure is a {@link
 * io.fugue.zk.ZkException}.
 */
package io.fugue.zk;
