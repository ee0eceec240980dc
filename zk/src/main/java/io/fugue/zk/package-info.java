/**
 * Pedersen commitments and Bulletproof range proofs over ristretto255, with predicates on committed
 * values. Start with {@code RangeProver} and {@code RangeVerifier}.
 */
package io.fugue.zk;
