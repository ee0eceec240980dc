/**
 * The pool of pending transactions of one shard ({@link io.fugue.chain.txpool.TxPool}): admission
 * with a reason for every refusal, nonce order, fee replacement, caps and eviction.
 */
package io.fugue.chain.txpool;
