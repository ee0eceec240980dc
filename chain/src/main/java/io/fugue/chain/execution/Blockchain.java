package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockBody;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.ChainHead;
import io.fugue.chain.storage.ChainStore;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.chain.storage.StoredBlock;
import io.fugue.chain.storage.TxLocation;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's chain on a {@link KeyValueStore}: opens (writing genesis into an empty store, or
 * resuming at the stored head), builds proposals, validates and imports blocks (state nodes and
 * chain records in one atomic, synced transaction), and reads blocks, transactions and receipts
 * back typed. Imports are serialised; reads may run concurrently with them.
 */
public final class Blockchain {
  private static final Logger LOG = LoggerFactory.getLogger(Blockchain.class);

  private final KeyValueStore store;
  private final ChainStore chain;
  private final WorldState world;
  private final ChainConfig config;
  private final BlockBuilder builder;
  private final BlockValidator validator;
  private final Clock clock;
  private final Hash32 genesisHash;
  private final List<Consumer<Block>> headListeners = new CopyOnWriteArrayList<>();
  private final ExecutedBlocks executed = new ExecutedBlocks(8);
  private final AtomicLong importsReused = new AtomicLong();
  private final AtomicLong importsExecuted = new AtomicLong();
  private volatile BlockHeader head;

  private Blockchain(
      KeyValueStore store,
      ChainConfig config,
      ModuleRegistry modules,
      RewardRecipients recipients,
      ShardStateRule shardStateRule,
      Clock clock,
      Hash32 genesisHash) {
    this.store = store;
    this.chain = new ChainStore(store);
    this.world = new WorldState(store);
    this.config = config;
    BlockExecutor executor = new BlockExecutor(config, modules, recipients);
    this.builder = new BlockBuilder(config, executor, world, shardStateRule);
    this.validator = new BlockValidator(config, executor, world, shardStateRule);
    this.clock = clock;
    this.genesisHash = genesisHash;
  }

  /**
   * Opens the chain: writes {@code genesis} if the store has no blocks, else checks that the stored
   * block 0 is this genesis and resumes at the stored head.
   *
   * @throws ChainException if the store holds another network's chain
   */
  public static Blockchain open(
      KeyValueStore store,
      ChainConfig config,
      GenesisState genesis,
      ModuleRegistry modules,
      RewardRecipients recipients,
      Clock clock) {
    return open(store, config, genesis, modules, recipients, ShardStateRule.COMPUTED, clock);
  }

  /** As above, with the rule for the headers' {@code shardStateHash}. */
  public static Blockchain open(
      KeyValueStore store,
      ChainConfig config,
      GenesisState genesis,
      ModuleRegistry modules,
      RewardRecipients recipients,
      ShardStateRule shardStateRule,
      Clock clock) {
    Objects.requireNonNull(genesis, "genesis");
    Blockchain bc =
        new Blockchain(
            Objects.requireNonNull(store, "store"),
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(modules, "modules"),
            Objects.requireNonNull(recipients, "recipients"),
            Objects.requireNonNull(shardStateRule, "shardStateRule"),
            Objects.requireNonNull(clock, "clock"),
            genesis.block().hash());
    Optional<ChainHead> head = bc.chain.head();
    if (head.isEmpty()) {
      bc.writeGenesis(genesis);
    } else {
      Hash32 stored =
          bc.chain
              .canonicalHash(0)
              .orElseThrow(() -> new ChainException("store has a head but no block 0"));
      if (!stored.equals(bc.genesisHash)) {
        throw new ChainException(
            "store holds the chain of genesis " + stored + ", not of genesis " + bc.genesisHash);
      }
    }
    ChainHead h = bc.chain.head().orElseThrow();
    bc.head = bc.header(h.hash()).orElseThrow(() -> new ChainException("head block missing"));
    LOG.info("shard {} chain at block {} ({})", bc.head.shardId(), h.number(), h.hash());
    return bc;
  }

  private void writeGenesis(GenesisState genesis) {
    try (KvTransaction tx = store.startTransaction()) {
      Hash32 root = genesis.write(world, tx);
      Block block = genesis.block();
      if (!root.equals(block.header().stateRoot())) {
        throw new ChainException(
            "genesis allocations give state root "
                + root
                + " but the genesis block says "
                + block.header().stateRoot());
      }
      chain.appendBlock(tx, stored(block, List.of()));
      tx.commit(Durability.SYNC);
    }
  }

  public ChainConfig config() {
    return config;
  }

  public Hash32 genesisHash() {
    return genesisHash;
  }

  /** The header of the last committed block. */
  public BlockHeader head() {
    return head;
  }

  /** The state after the head block. */
  public StateView headState() {
    return world.view(head.stateRoot());
  }

  /** The state at any committed root (every root stays readable; nothing is pruned yet). */
  public StateView stateAt(Hash32 stateRoot) {
    return world.view(stateRoot);
  }

  public WorldState worldState() {
    return world;
  }

  /** Called after each import commits, with the new head block (e.g. the txpool's cleanup). */
  public void addHeadListener(Consumer<Block> listener) {
    headListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Proposes a child of the head from {@code candidates}; nothing is written. The execution is
   * remembered, so importing this block later (once consensus finalises it) does not re-execute.
   */
  public BuiltBlock build(BuildRequest request, Iterable<Transaction> candidates) {
    BlockHeader parent = head;
    RecordedWrites writes = new RecordedWrites();
    BuiltBlock built = builder.build(parent, request, candidates, writes);
    executed.remember(built.block().hash(), parent.hash(), writes, built.result().receipts());
    return built;
  }

  /**
   * Validates {@code block} as the child of the head without writing it. A valid block's execution
   * is remembered, so importing it later does not re-execute.
   */
  public Validation validate(Block block) {
    BlockHeader parent = head;
    RecordedWrites writes = new RecordedWrites();
    BlockValidator.Result result = validator.validate(block, parent, clock.millis(), writes);
    result
        .execution()
        .ifPresent(r -> executed.remember(block.hash(), parent.hash(), writes, r.receipts()));
    return result.validation();
  }

  /**
   * Validates {@code block} as the child of the head (or reuses the execution of an earlier {@link
   * #build} or {@link #validate} of the same block on the same parent) and, if valid, commits it
   * and its state in one synced transaction and makes it the head. An invalid block writes nothing.
   */
  public synchronized Validation importBlock(Block block) {
    BlockHeader parent = head;
    try (KvTransaction tx = store.startTransaction()) {
      List<Receipt> receipts;
      // The hash covers the header only; the roots check binds the body to what was executed.
      ExecutedBlocks.Entry done =
          block.bodyMatchesHeader() ? executed.take(block.hash(), parent.hash()) : null;
      if (done != null) {
        done.writes().replayInto(tx);
        receipts = done.receipts();
      } else {
        BlockValidator.Result result = validator.validate(block, parent, clock.millis(), tx);
        if (!result.validation().isAccepted()) {
          LOG.debug("block {} rejected: {}", block.header().number(), result.validation().reason());
          return result.validation();
        }
        receipts = result.execution().orElseThrow().receipts();
      }
      chain.appendBlock(tx, stored(block, receipts));
      tx.commit(Durability.SYNC);
      (done != null ? importsReused : importsExecuted).incrementAndGet();
    }
    head = block.header();
    executed.retainChildrenOf(block.hash());
    headListeners.forEach(l -> l.accept(block));
    return Validation.ACCEPT;
  }

  /**
   * How this chain's imports since it was opened went: by replaying the execution of an earlier
   * {@link #build} or {@link #validate} of the same block on the same parent, or by executing it in
   * full (a block received by sync, or never validated here).
   */
  public record ImportCounts(long reused, long executed) {}

  public ImportCounts importCounts() {
    return new ImportCounts(importsReused.get(), importsExecuted.get());
  }

  /** Executions remembered for a later import (tests). */
  int rememberedExecutions() {
    return executed.size();
  }

  /** Drops remembered executions, so the next import validates in full (tests). */
  void forgetExecutions() {
    executed.clear();
  }

  private static StoredBlock stored(Block block, List<Receipt> receipts) {
    BlockHeader h = block.header();
    return new StoredBlock(
        block.hash(),
        h.number(),
        h.parentHash(),
        h.stateRoot(),
        h.encode(),
        block.body().encode(),
        block.body().transactions().stream().map(Transaction::hash).toList(),
        receipts.stream().map(Receipt::encode).toList());
  }

  public Optional<BlockHeader> header(Hash32 hash) {
    return chain.header(hash).map(b -> BlockHeader.decode(b, config.limits()));
  }

  public Optional<Block> block(Hash32 hash) {
    return header(hash).map(h -> new Block(h, body(hash)));
  }

  public Optional<Block> block(long number) {
    return chain.canonicalHash(number).flatMap(this::block);
  }

  private BlockBody body(Hash32 hash) {
    Bytes body =
        chain.body(hash).orElseThrow(() -> new ChainException("body of " + hash + " missing"));
    return BlockBody.decode(body, config.limits());
  }

  /** A committed transaction and where it is. */
  public record LocatedTransaction(Transaction transaction, TxLocation location) {}

  public Optional<LocatedTransaction> transaction(Hash32 txHash) {
    return chain
        .transactionLocation(txHash)
        .map(
            loc ->
                new LocatedTransaction(body(loc.blockHash()).transactions().get(loc.index()), loc));
  }

  public Optional<Receipt> receipt(Hash32 txHash) {
    return chain.receipt(txHash).map(b -> Receipt.decode(b, config.limits()));
  }
}
