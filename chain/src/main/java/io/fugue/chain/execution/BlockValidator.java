package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.module.BlockEnd;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.BlockState;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.KvTransaction;
import java.util.Objects;
import java.util.Optional;

/**
 * Fully validates a received block against its parent: header fields derived from the parent,
 * timestamp, body roots, limits, then every transaction by re-execution (signatures, nonces,
 * balances, rate limits, modules) and the resulting state, receipt and outgoing-receipt roots. Not
 * checked here: the parent's commit signature and bitmap and the proposer's right to propose
 * (consensus), VRF/VDF (randomness), incoming receipts and crosslinks (rejected when present until
 * cross-shard lands).
 */
public final class BlockValidator {
  private final ChainConfig config;
  private final BlockExecutor executor;
  private final WorldState world;
  private final ShardStateRule shardStateRule;

  public BlockValidator(ChainConfig config, BlockExecutor executor, WorldState world) {
    this(config, executor, world, ShardStateRule.COMPUTED);
  }

  public BlockValidator(
      ChainConfig config, BlockExecutor executor, WorldState world, ShardStateRule rule) {
    this.shardStateRule = java.util.Objects.requireNonNull(rule, "rule");
    this.config = Objects.requireNonNull(config, "config");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.world = Objects.requireNonNull(world, "world");
  }

  /** A verdict, and the execution result when the block is valid. */
  public record Result(Validation validation, Optional<ExecutionResult> execution) {
    static Result reject(String reason) {
      return new Result(Validation.reject(reason), Optional.empty());
    }
  }

  /**
   * Validates {@code block} as the child of {@code parent}, at local time {@code nowMillis}. The
   * block's state nodes go into {@code tx} (commit it with the block, or roll it back).
   */
  public Result validate(Block block, BlockHeader parent, long nowMillis, KvTransaction tx) {
    Validation header =
        validateHeader(block.header(), parent, nowMillis).andThen(() -> validateBody(block));
    if (!header.isAccepted()) {
      return new Result(header, Optional.empty());
    }
    BlockHeader h = block.header();
    BlockState state = world.newBlockState(parent.stateRoot());
    SenderRecovery.recoverAll(block.body().transactions());
    ExecutionResult result;
    try {
      result =
          executor.execute(
              state,
              BlockContexts.of(config, h),
              h.lastCommitBitmap(),
              block.body().transactions(),
              BlockExecutor.Mode.VALIDATE);
    } catch (BlockExecutor.BlockInvalid e) {
      return Result.reject(e.getMessage());
    }
    Hash32 receiptRoot = result.receiptRoot();
    if (!receiptRoot.equals(h.receiptRoot())) {
      return Result.reject(
          "receiptRoot " + h.receiptRoot() + " but execution gives " + receiptRoot);
    }
    Hash32 outgoing = result.outgoingReceiptRoot();
    if (!outgoing.equals(h.outgoingReceiptRoot())) {
      return Result.reject(
          "outgoingReceiptRoot " + h.outgoingReceiptRoot() + " but execution gives " + outgoing);
    }
    Hash32 shardState;
    try {
      shardState =
          executor.endBlock(
              state,
              BlockContexts.of(config, h),
              new BlockEnd(h.lastCommitBitmap(), h.lastCommitSignature(), parent.shardStateHash()));
    } catch (ChainException | IllegalArgumentException | IllegalStateException e) {
      return Result.reject("end of block failed: " + e.getMessage());
    }
    Optional<String> badName = shardStateRule.check(parent, shardState, h.shardStateHash());
    if (badName.isPresent()) {
      return Result.reject("shardStateHash " + h.shardStateHash() + ": " + badName.get());
    }
    Hash32 stateRoot = state.commit(tx);
    if (!stateRoot.equals(h.stateRoot())) {
      return Result.reject("stateRoot " + h.stateRoot() + " but execution gives " + stateRoot);
    }
    return new Result(Validation.ACCEPT, Optional.of(result));
  }

  /** The checks of a header against its parent that need no execution. */
  public Validation validateHeader(BlockHeader h, BlockHeader parent, long nowMillis) {
    if (!h.shardId().equals(parent.shardId())) {
      return Validation.reject("shard " + h.shardId() + " on a chain of shard " + parent.shardId());
    }
    if (h.number() != parent.number() + 1) {
      // Not provably bad: a block of another height may be fine where it belongs (sync).
      return Validation.ignore("number " + h.number() + " does not follow " + parent.number());
    }
    if (!h.parentHash().equals(parent.hash())) {
      return Validation.reject("parentHash " + h.parentHash() + " is not " + parent.hash());
    }
    if (h.epoch() != config.epochOf(h.number())) {
      return Validation.reject(
          "epoch "
              + h.epoch()
              + ", block "
              + h.number()
              + " is in epoch "
              + config.epochOf(h.number()));
    }
    if (h.timestamp() <= parent.timestamp()) {
      return Validation.reject(
          "timestamp " + h.timestamp() + " is not after the parent's " + parent.timestamp());
    }
    if (h.timestamp() > nowMillis + config.maxClockDriftMillis()) {
      return Validation.ignore(
          "timestamp "
              + h.timestamp()
              + " is more than "
              + config.maxClockDriftMillis()
              + " ms ahead of local time "
              + nowMillis);
    }
    if (h.extra().size() > config.limits().maxExtraBytes()) {
      return Validation.reject("extra of " + h.extra().size() + " bytes exceeds the limit");
    }
    return Validation.ACCEPT;
  }

  private Validation validateBody(Block block) {
    BlockHeader h = block.header();
    if (!h.txRoot().equals(block.body().txRoot())) {
      return Validation.reject("txRoot does not match the body's transactions");
    }
    if (!h.incomingReceiptRoot().equals(block.body().incomingReceiptRoot())) {
      return Validation.reject("incomingReceiptRoot does not match the body");
    }
    if (!h.crosslinksRoot().equals(block.body().crosslinksRoot())) {
      return Validation.reject("crosslinksRoot does not match the body");
    }
    if (!block.body().incomingReceipts().isEmpty() || !block.body().crosslinks().isEmpty()) {
      return Validation.reject("incoming receipts and crosslinks are not accepted yet");
    }
    int count = block.body().transactions().size();
    int max = executor.maxTransactions(h.epoch());
    if (count > max) {
      return Validation.reject(count + " transactions exceed the limit of " + max + " per block");
    }
    int size = block.encode().size();
    if (size > config.limits().maxBlockBytes()) {
      return Validation.reject(
          "block of " + size + " bytes exceeds the limit of " + config.limits().maxBlockBytes());
    }
    return Validation.ACCEPT;
  }
}
