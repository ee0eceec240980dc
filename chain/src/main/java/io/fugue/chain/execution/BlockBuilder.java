package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockBody;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.BlockEnd;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.BlockState;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.KvTransaction;
import java.util.List;
import java.util.Objects;

/**
 * Proposes the next block on a parent: executes candidate transactions in the order given (the
 * txpool's order), skipping those that cannot be included and stopping when the block is full, then
 * computes every root and the header. The state nodes go into the caller's {@link KvTransaction}:
 * roll it back for a proposal, or commit it with the block.
 */
public final class BlockBuilder {
  private final ChainConfig config;
  private final BlockExecutor executor;
  private final WorldState world;
  private final ShardStateRule shardStateRule;

  public BlockBuilder(ChainConfig config, BlockExecutor executor, WorldState world) {
    this(config, executor, world, ShardStateRule.COMPUTED);
  }

  public BlockBuilder(
      ChainConfig config, BlockExecutor executor, WorldState world, ShardStateRule rule) {
    this.shardStateRule = java.util.Objects.requireNonNull(rule, "rule");
    this.config = Objects.requireNonNull(config, "config");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.world = Objects.requireNonNull(world, "world");
  }

  /** Builds the child of {@code parent}. */
  public BuiltBlock build(
      BlockHeader parent,
      BuildRequest request,
      Iterable<Transaction> candidates,
      KvTransaction tx) {
    long number = parent.number() + 1;
    BlockHeader.Builder header =
        BlockHeader.builder()
            .shardId(parent.shardId())
            .number(number)
            .epoch(config.epochOf(number))
            .viewId(request.viewId())
            .parentHash(parent.hash())
            .timestamp(Math.max(request.timestamp(), parent.timestamp() + 1))
            .proposer(request.proposer())
            .lastCommitSignature(request.lastCommitSignature())
            .lastCommitBitmap(request.lastCommitBitmap())
            .vrf(request.vrf())
            .vdf(request.vdf())
            .shardStateHash(parent.shardStateHash())
            .extra(request.extra());
    BlockContext ctx = BlockContexts.of(config, header.build());
    BlockState state = world.newBlockState(parent.stateRoot());
    ExecutionResult result =
        executor.execute(
            state, ctx, request.lastCommitBitmap(), candidates, BlockExecutor.Mode.BUILD);
    header.shardStateHash(
        shardStateRule.name(
            parent,
            executor.endBlock(
                state,
                ctx,
                new BlockEnd(
                    request.lastCommitBitmap(),
                    request.lastCommitSignature(),
                    parent.shardStateHash()))));
    Hash32 stateRoot = state.commit(tx);
    BlockBody body = new BlockBody(result.transactions(), List.of(), List.of());
    header
        .stateRoot(stateRoot)
        .txRoot(body.txRoot())
        .receiptRoot(result.receiptRoot())
        .outgoingReceiptRoot(result.outgoingReceiptRoot())
        .incomingReceiptRoot(body.incomingReceiptRoot())
        .crosslinksRoot(body.crosslinksRoot());
    return new BuiltBlock(new Block(header.build(), body), result);
  }
}
