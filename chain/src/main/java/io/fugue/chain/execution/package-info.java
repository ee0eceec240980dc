/**
 * Block execution for one shard: {@link io.fugue.chain.execution.TransactionExecutor} (the checks
 * and state transition of one transaction through its ledger module), {@link
 * io.fugue.chain.execution.BlockExecutor}, {@link io.fugue.chain.execution.BlockBuilder}, {@link
 * io.fugue.chain.execution.BlockValidator}, and {@link io.fugue.chain.execution.Blockchain}, which
 * commits blocks and state atomically. Start with Blockchain.
 */
package io.fugue.chain.execution;
