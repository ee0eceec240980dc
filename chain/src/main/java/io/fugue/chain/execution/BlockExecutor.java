package io.fugue.chain.execution;

import io.fugue.chain.ledger.CrossShardReceipt;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.BlockEnd;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Executes a block's transactions in order on its state, then pays the block reward plus the fees
 * to the {@link RewardRecipients}. In {@link Mode#BUILD} a transaction that cannot be included is
 * skipped (and the block closes when full); in {@link Mode#VALIDATE} it makes the block invalid
 * ({@link BlockInvalid}). Pure and deterministic.
 */
public final class BlockExecutor {
  /** Room kept for the header and the body's framing when the builder fills a block. */
  static final int BLOCK_OVERHEAD_BYTES = 4096;

  private final ChainConfig config;
  private final TransactionExecutor transactions;
  private final RewardRecipients recipients;
  private final ModuleRegistry modules;

  public BlockExecutor(ChainConfig config, ModuleRegistry modules, RewardRecipients recipients) {
    this.config = Objects.requireNonNull(config, "config");
    this.modules = Objects.requireNonNull(modules, "modules");
    this.transactions = new TransactionExecutor(config, modules);
    this.recipients = Objects.requireNonNull(recipients, "recipients");
  }

  /** Skip what does not fit (a proposer) or fail on it (a validator). */
  public enum Mode {
    BUILD,
    VALIDATE
  }

  /** A transaction that made a received block invalid. */
  public static final class BlockInvalid extends ChainException {
    private final int index;
    private final TxRejection rejection;

    BlockInvalid(int index, Transaction tx, TxRejection rejection) {
      super("transaction " + index + " (" + tx.hash() + ") is invalid: " + rejection);
      this.index = index;
      this.rejection = rejection;
    }

    public int index() {
      return index;
    }

    public TxRejection rejection() {
      return rejection;
    }
  }

  public TransactionExecutor transactionExecutor() {
    return transactions;
  }

  /** The most transactions a block of {@code epoch} may hold. */
  public int maxTransactions(long epoch) {
    int max = config.limits().maxTransactionsPerBlock();
    if (config.rateLimits().activeAt(epoch)) {
      max = Math.min(max, config.rateLimits().maxTransactionsPerBlock());
    }
    return max;
  }

  /**
   * Executes {@code candidates} in order on {@code state}, then pays rewards.
   *
   * @throws BlockInvalid in VALIDATE mode, for the first transaction that cannot be included
   */
  public ExecutionResult execute(
      StateWriter state,
      BlockContext ctx,
      Bytes lastCommitBitmap,
      Iterable<Transaction> candidates,
      Mode mode) {
    Tally tally = new Tally();
    int max = maxTransactions(ctx.epoch());
    long budget = (long) config.limits().maxBlockBytes() - BLOCK_OVERHEAD_BYTES;
    int index = 0;
    for (Transaction tx : candidates) {
      budget -= tx.size() + 8L;
      if (tally.included.size() >= max || budget < 0) {
        if (mode == Mode.VALIDATE) {
          throw new BlockInvalid(
              index,
              tx,
              new TxRejection(
                  TxRejection.Reason.RATE_LIMIT,
                  "block exceeds " + max + " transactions or its byte budget"));
        }
        break;
      }
      TransactionExecutor.Outcome outcome = transactions.execute(tx, state, ctx);
      if (outcome instanceof TransactionExecutor.Excluded excluded) {
        if (mode == Mode.VALIDATE) {
          throw new BlockInvalid(index, tx, excluded.rejection());
        }
        tally.skipped.add(new ExecutionResult.Skipped(tx, excluded.rejection()));
        budget += tx.size() + 8L;
      } else {
        tally.add(tx, (TransactionExecutor.Applied) outcome);
      }
      index++;
    }
    Uint256 minted = config.rewards().blockReward(ctx.epoch());
    // Fees are at most the balances that paid them, so fees + reward fits 2^256 unless the
    // reward itself is absurd; then the excess is simply not minted.
    BigInteger total = tally.fees.add(minted.toBigInteger()).min(Uint256.MAX.toBigInteger());
    payOut(state, ctx, lastCommitBitmap, Uint256.of(total));
    return new ExecutionResult(
        tally.included,
        tally.receipts,
        tally.outgoing,
        Uint256.of(tally.fees),
        minted,
        tally.skipped);
  }

  /**
   * Runs every module's {@link io.fugue.chain.module.LedgerModule#endBlock} in registration order
   * and returns the {@code shardStateHash} the block's header must carry: the one a module
   * returned, else the parent's.
   *
   * @throws IllegalStateException if two modules both change the shard state
   */
  public Hash32 endBlock(StateWriter state, BlockContext ctx, BlockEnd end) {
    Optional<Hash32> changed = Optional.empty();
    for (LedgerModule m : modules.modules()) {
      Optional<Hash32> h = m.endBlock(state, ctx, end);
      if (h.isPresent()) {
        if (changed.isPresent()) {
          throw new IllegalStateException("two modules change the shard state in one block");
        }
        changed = h;
      }
    }
    return changed.orElse(end.parentShardStateHash());
  }

  /** What the transactions of one block have produced so far. */
  private static final class Tally {
    final List<Transaction> included = new ArrayList<>();
    final List<Receipt> receipts = new ArrayList<>();
    final List<CrossShardReceipt> outgoing = new ArrayList<>();
    final List<ExecutionResult.Skipped> skipped = new ArrayList<>();
    BigInteger fees = BigInteger.ZERO;

    void add(Transaction tx, TransactionExecutor.Applied applied) {
      included.add(tx);
      receipts.add(applied.receipt());
      outgoing.addAll(applied.outgoing());
      fees = fees.add(applied.fee().toBigInteger());
    }
  }

  private void payOut(StateWriter state, BlockContext ctx, Bytes bitmap, Uint256 amount) {
    if (amount.isZero()) {
      return;
    }
    List<RewardRecipients.Payout> payouts = recipients.split(ctx, bitmap, amount);
    BigInteger sum = BigInteger.ZERO;
    for (RewardRecipients.Payout p : payouts) {
      sum = sum.add(p.amount().toBigInteger());
    }
    if (!sum.equals(amount.toBigInteger())) {
      // A broken recipients rule would mint or burn coins on some nodes only: stop loudly.
      throw new IllegalStateException("reward recipients pay out " + sum + " of " + amount);
    }
    for (RewardRecipients.Payout p : payouts) {
      Account account = state.account(p.to().toBytes());
      BigInteger credited = account.balance().add(p.amount().toBigInteger());
      if (credited.compareTo(Account.BALANCE_LIMIT) < 0) {
        state.setAccount(p.to().toBytes(), account.withBalance(credited));
      }
      // A credit that would pass 2^256 is burned: deterministic, and unreachable in practice.
    }
  }
}
