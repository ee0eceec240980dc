/**
 * The node shell around the pure consensus core: {@link io.fugue.chain.node.ShardNode} drives one
 * shard's {@code FbftMachine} on a single thread over a {@link
 * io.fugue.chain.node.ConsensusNetwork} (in memory or libp2p), the ledger and the store; block
 * sync, beacon following and the validator's config-file entry point ({@link
 * io.fugue.chain.node.ValidatorNode}) live here too.
 */
package io.fugue.chain.node;
