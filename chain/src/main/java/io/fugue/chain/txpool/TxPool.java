package io.fugue.chain.txpool;

import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.ChainConfig;
import io.fugue.chain.execution.SenderActivity;
import io.fugue.chain.execution.TransactionExecutor;
import io.fugue.chain.execution.TxRejection;
import io.fugue.chain.execution.TxRejection.Reason;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Pending transactions of one shard, checked against the head state: per-sender queues in nonce
 * order without gaps, replacement of a same-nonce transaction by a higher fee (see {@link
 * TxPoolConfig#replacementBumpPercent()}), caps per sender and in total (when full, the lowest-fee
 * transaction at the tail of a sender's queue is evicted for a better one), stale eviction, and
 * cleanup when a new head commits. Every refusal carries a {@link TxRejection}. Thread-safe: every
 * method holds the pool's lock.
 */
public final class TxPool {
  private final ChainConfig chain;
  private final TxPoolConfig config;
  private final ModuleRegistry modules;
  private final TransactionExecutor executor;
  private final Clock clock;
  private final Map<Address, TreeMap<Long, Entry>> bySender = new HashMap<>();
  private final Map<Hash32, Entry> byHash = new HashMap<>();
  private BlockHeader head;
  private StateView state;
  private long sequence;

  private record Entry(Transaction tx, Address sender, long arrivalMillis, long seq) {}

  public TxPool(
      ChainConfig chain,
      TxPoolConfig config,
      ModuleRegistry modules,
      Clock clock,
      BlockHeader head,
      StateView headState) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.config = Objects.requireNonNull(config, "config");
    this.modules = Objects.requireNonNull(modules, "modules");
    this.executor = new TransactionExecutor(chain, modules);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.head = Objects.requireNonNull(head, "head");
    this.state = Objects.requireNonNull(headState, "headState");
  }

  /**
   * A pool on the head of {@code chain} that follows it: after each committed block it drops what
   * the block made stale ({@link #onNewHead}).
   */
  public static TxPool following(
      Blockchain chain, TxPoolConfig config, ModuleRegistry modules, Clock clock) {
    TxPool pool =
        new TxPool(chain.config(), config, modules, clock, chain.head(), chain.headState());
    chain.addHeadListener(
        block -> pool.onNewHead(block.header(), chain.stateAt(block.header().stateRoot())));
    return pool;
  }

  /** Offers a transaction; it is either held or refused with a reason. */
  public synchronized AddResult add(Transaction tx) {
    if (byHash.containsKey(tx.hash())) {
      return rejected(Reason.ALREADY_KNOWN, "transaction " + tx.hash() + " is already pending");
    }
    BlockContext ctx = pendingContext();
    TransactionExecutor.Checked envelope = executor.checkEnvelope(tx, ctx);
    if (envelope.rejection().isPresent()) {
      return new AddResult.Rejected(envelope.rejection().get());
    }
    Address sender = envelope.sender().orElseThrow();
    Account account = state.account(sender.toBytes());
    if (tx.nonce() < account.nonce()) {
      return rejected(
          Reason.NONCE_TOO_LOW, "nonce " + tx.nonce() + ", the account is at " + account.nonce());
    }
    TreeMap<Long, Entry> queue = bySender.getOrDefault(sender, new TreeMap<>());
    Entry existing = queue.get(tx.nonce());
    Optional<TxRejection> refused =
        checkSlot(tx, account, queue, existing)
            .or(() -> checkAgainstState(tx, sender, account, queue, ctx));
    if (refused.isPresent()) {
      return new AddResult.Rejected(refused.get());
    }
    if (existing == null && byHash.size() >= capacity(ctx) && !evictFor(tx, sender)) {
      return rejected(
          Reason.POOL_FULL,
          "pool holds "
              + byHash.size()
              + " transactions and none pays a lower fee than "
              + tx.fee());
    }
    Entry entry = new Entry(tx, sender, clock.millis(), sequence++);
    bySender.computeIfAbsent(sender, s -> new TreeMap<>()).put(tx.nonce(), entry);
    byHash.put(tx.hash(), entry);
    if (existing != null) {
      byHash.remove(existing.tx().hash());
      return new AddResult.Replaced(tx, existing.tx());
    }
    return new AddResult.Added(tx);
  }

  /** A new nonce must follow the sender's queue without a gap; a taken one needs a fee bump. */
  private Optional<TxRejection> checkSlot(
      Transaction tx, Account account, TreeMap<Long, Entry> queue, Entry existing) {
    if (existing != null) {
      return checkBump(existing.tx(), tx);
    }
    long next = account.nonce() + queue.size();
    if (tx.nonce() > next) {
      return Optional.of(
          new TxRejection(
              Reason.NONCE_TOO_HIGH, "nonce " + tx.nonce() + " leaves a gap; next is " + next));
    }
    if (queue.size() >= config.maxPerSender()) {
      return Optional.of(
          new TxRejection(
              Reason.SENDER_FULL, "sender already has " + queue.size() + " pending transactions"));
    }
    return Optional.empty();
  }

  private Optional<TxRejection> checkBump(Transaction old, Transaction replacement) {
    BigInteger oldFee = old.fee().toBigInteger();
    BigInteger needed =
        oldFee
            .multiply(BigInteger.valueOf(100L + config.replacementBumpPercent()))
            .add(BigInteger.valueOf(99))
            .divide(BigInteger.valueOf(100))
            .max(oldFee.add(BigInteger.ONE));
    if (replacement.fee().toBigInteger().compareTo(needed) < 0) {
      return Optional.of(
          new TxRejection(
              Reason.FEE_TOO_LOW,
              "replacing fee "
                  + old.fee()
                  + " needs a fee of at least "
                  + needed
                  + ", got "
                  + replacement.fee()));
    }
    return Optional.empty();
  }

  private Optional<TxRejection> checkAgainstState(
      Transaction tx,
      Address sender,
      Account account,
      TreeMap<Long, Entry> queue,
      BlockContext ctx) {
    int before = queue.headMap(tx.nonce(), false).size();
    int counted =
        chain.rateLimits().activeAt(ctx.epoch())
            ? SenderActivity.countInWindow(state, sender, ctx.timestamp()) + before
            : 0;
    Optional<TxRejection> limited = executor.checkRateLimit(tx, counted, ctx);
    if (limited.isPresent()) {
      return limited;
    }
    BigInteger committed = BigInteger.ZERO;
    for (Entry e : queue.headMap(tx.nonce(), false).values()) {
      committed = committed.add(cost(e.tx()));
    }
    BigInteger available = account.balance().subtract(committed).max(BigInteger.ZERO);
    Optional<TxRejection> funds = TransactionExecutor.checkFunds(tx, available);
    if (funds.isPresent()) {
      return Optional.of(
          new TxRejection(
              funds.get().reason(),
              funds.get().detail()
                  + (before > 0 ? " (after " + before + " pending transactions)" : "")));
    }
    LedgerModule module = modules.forType(tx.type()).orElseThrow();
    Validation v = TransactionExecutor.validateInModule(module, tx, sender, state, ctx);
    if (v instanceof Validation.Reject r) {
      return Optional.of(new TxRejection(Reason.MODULE_REJECTED, module.id() + ": " + r.reason()));
    }
    return Optional.empty();
  }

  private static BigInteger cost(Transaction tx) {
    return TransactionExecutor.spend(tx)
        .orElse(Uint256.ZERO)
        .toBigInteger()
        .add(tx.fee().toBigInteger());
  }

  private int capacity(BlockContext ctx) {
    int cap = config.maxTransactions();
    if (chain.rateLimits().activeAt(ctx.epoch())) {
      cap = Math.min(cap, chain.rateLimits().maxPoolTransactions());
    }
    return cap;
  }

  /**
   * Evicts the cheapest queue tail of another sender if it pays less than {@code tx}; true if room
   * was made. Only tails go, so no queue is left with a gap.
   */
  private boolean evictFor(Transaction tx, Address sender) {
    Entry cheapest = null;
    for (Map.Entry<Address, TreeMap<Long, Entry>> q : bySender.entrySet()) {
      if (q.getKey().equals(sender)) {
        continue;
      }
      Entry tail = q.getValue().lastEntry().getValue();
      if (cheapest == null || tail.tx().fee().compareTo(cheapest.tx().fee()) < 0) {
        cheapest = tail;
      }
    }
    if (cheapest == null || cheapest.tx().fee().compareTo(tx.fee()) >= 0) {
      return false;
    }
    remove(cheapest);
    return true;
  }

  private void remove(Entry e) {
    byHash.remove(e.tx().hash());
    TreeMap<Long, Entry> queue = bySender.get(e.sender());
    queue.remove(e.tx().nonce());
    if (queue.isEmpty()) {
      bySender.remove(e.sender());
    }
  }

  /**
   * A new head committed: drop what it made stale (nonces now used, by this block's transactions or
   * any other), evict transactions older than the maximum age, and check the rest against the new
   * state from now on.
   */
  public synchronized void onNewHead(BlockHeader newHead, StateView newState) {
    this.head = Objects.requireNonNull(newHead, "newHead");
    this.state = Objects.requireNonNull(newState, "newState");
    long oldest = clock.millis() - config.maxAge().toMillis();
    for (Iterator<Map.Entry<Address, TreeMap<Long, Entry>>> it = bySender.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Address, TreeMap<Long, Entry>> e = it.next();
      long nonce = state.account(e.getKey().toBytes()).nonce();
      TreeMap<Long, Entry> queue = e.getValue();
      List<Entry> drop = new ArrayList<>(queue.headMap(nonce, false).values());
      // A stale transaction takes its successors with it: they could never run without it.
      queue.values().stream()
          .filter(x -> x.arrivalMillis() < oldest)
          .findFirst()
          .ifPresent(first -> drop.addAll(queue.tailMap(first.tx().nonce(), true).values()));
      drop.forEach(
          x -> {
            queue.remove(x.tx().nonce());
            byHash.remove(x.tx().hash());
          });
      if (queue.isEmpty()) {
        it.remove();
      }
    }
  }

  /**
   * Up to {@code max} transactions for the next block: each sender's in nonce order, senders
   * interleaved by the fee of their next transaction (highest first, then arrival).
   */
  public synchronized List<Transaction> pending(int max) {
    Comparator<Entry> order =
        Comparator.comparing((Entry e) -> e.tx().fee()).reversed().thenComparingLong(Entry::seq);
    PriorityQueue<Entry> next = new PriorityQueue<>(order);
    Map<Address, Iterator<Entry>> cursors = new HashMap<>();
    bySender.forEach(
        (sender, queue) -> {
          Iterator<Entry> it = queue.values().iterator();
          cursors.put(sender, it);
          next.add(it.next());
        });
    List<Transaction> out = new ArrayList<>(Math.min(max, byHash.size()));
    while (out.size() < max && !next.isEmpty()) {
      Entry e = next.poll();
      out.add(e.tx());
      Iterator<Entry> it = cursors.get(e.sender());
      if (it.hasNext()) {
        next.add(it.next());
      }
    }
    return out;
  }

  public synchronized int size() {
    return byHash.size();
  }

  public synchronized boolean contains(Hash32 txHash) {
    return byHash.containsKey(txHash);
  }

  /** The context a transaction added now is checked in: the block after the head. */
  private BlockContext pendingContext() {
    long number = head.number() + 1;
    return new BlockContext(
        chain.chainId(),
        head.shardId(),
        chain.shardCount(),
        number,
        chain.epochOf(number),
        Math.max(clock.millis(), head.timestamp() + 1),
        head.proposer());
  }

  private static AddResult rejected(Reason reason, String detail) {
    return new AddResult.Rejected(new TxRejection(reason, detail));
  }
}
