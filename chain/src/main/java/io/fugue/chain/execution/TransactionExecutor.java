package io.fugue.chain.execution;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.ledger.CrossShardReceipt;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleException;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.module.ModuleResult;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one transaction on a block's state, in the order of checks of docs/protocol.md
 * "Execution": envelope (size, type, chain, shard, signature), then state (nonce, rate limit,
 * balance for the fee and transferred value, the module's own validation). A transaction that fails
 * a check is excluded and writes nothing. One that passes pays its fee and bumps its nonce; then
 * its module applies it, and if the module fails, the module's writes are undone and the receipt
 * says FAILED (the fee stays paid). Pure and deterministic.
 */
public final class TransactionExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionExecutor.class);

  private final ChainConfig config;
  private final ModuleRegistry modules;

  public TransactionExecutor(ChainConfig config, ModuleRegistry modules) {
    this.config = Objects.requireNonNull(config, "config");
    this.modules = Objects.requireNonNull(modules, "modules");
  }

  /** The result of executing one transaction. */
  public sealed interface Outcome permits Applied, Excluded {}

  /** Included in the block: its receipt (SUCCESS or FAILED), cross-shard receipts, fee paid. */
  public record Applied(Receipt receipt, List<CrossShardReceipt> outgoing, Uint256 fee)
      implements Outcome {
    public Applied {
      Objects.requireNonNull(receipt, "receipt");
      outgoing = List.copyOf(outgoing);
      Objects.requireNonNull(fee, "fee");
    }
  }

  /** Not includable here; nothing was written. */
  public record Excluded(TxRejection rejection) implements Outcome {
    public Excluded {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  /** Checks that need no state: size, known type, chain id, shard, and a recoverable signer. */
  public Checked checkEnvelope(Transaction tx, BlockContext ctx) {
    if (tx.size() > config.limits().maxTransactionBytes()) {
      return Checked.no(
          TxRejection.Reason.OVERSIZE,
          tx.size() + " bytes exceed the limit of " + config.limits().maxTransactionBytes());
    }
    Validation known = modules.supports(tx.type());
    if (!known.isAccepted()) {
      return Checked.no(TxRejection.Reason.UNKNOWN_TYPE, known.reason());
    }
    if (tx.chainId() != ctx.chainId()) {
      return Checked.no(
          TxRejection.Reason.WRONG_CHAIN,
          "chain id " + tx.chainId() + ", this chain is " + ctx.chainId());
    }
    if (!tx.shardId().equals(ctx.shardId())) {
      return Checked.no(
          TxRejection.Reason.WRONG_SHARD,
          "for shard " + tx.shardId() + ", this is shard " + ctx.shardId());
    }
    Optional<Address> sender = tx.sender();
    if (sender.isEmpty()) {
      return Checked.no(TxRejection.Reason.BAD_SIGNATURE, "signature recovers no key");
    }
    return new Checked(sender, Optional.empty());
  }

  /** Either the recovered sender, or why the transaction is out. */
  public record Checked(Optional<Address> sender, Optional<TxRejection> rejection) {
    static Checked no(TxRejection.Reason reason, String detail) {
      return new Checked(Optional.empty(), Optional.of(new TxRejection(reason, detail)));
    }
  }

  /** The value a transaction moves out of the sender's balance besides its fee (transfers). */
  public static Optional<Uint256> spend(Transaction tx) {
    if (!tx.isTransfer()) {
      return Optional.of(Uint256.ZERO);
    }
    try {
      return Optional.of(tx.transfer().value());
    } catch (CodecException e) {
      return Optional.empty();
    }
  }

  /** The rate-limit check of one transaction at {@code ctx}, given the sender's prior count. */
  public Optional<TxRejection> checkRateLimit(
      Transaction tx, int senderCountInWindow, BlockContext ctx) {
    RateLimits limits = config.rateLimits();
    if (!limits.activeAt(ctx.epoch())) {
      return Optional.empty();
    }
    Uint256 value = spend(tx).orElse(Uint256.ZERO);
    if (value.compareTo(limits.maxValuePerTransaction()) > 0) {
      return Optional.of(
          new TxRejection(
              TxRejection.Reason.RATE_LIMIT,
              "value "
                  + value
                  + " exceeds the limit of "
                  + limits.maxValuePerTransaction()
                  + " per transaction"));
    }
    if (senderCountInWindow >= limits.maxTransactionsPerSenderPerHour()) {
      return Optional.of(
          new TxRejection(
              TxRejection.Reason.RATE_LIMIT,
              "sender has "
                  + senderCountInWindow
                  + " transactions in the past hour, the limit is "
                  + limits.maxTransactionsPerSenderPerHour()));
    }
    return Optional.empty();
  }

  /** All checks against {@code state}, writing nothing; empty if the transaction may execute. */
  public Optional<TxRejection> check(Transaction tx, StateView state, BlockContext ctx) {
    Checked envelope = checkEnvelope(tx, ctx);
    if (envelope.rejection().isPresent()) {
      return envelope.rejection();
    }
    return checkState(tx, envelope.sender().orElseThrow(), state, ctx);
  }

  private Optional<TxRejection> checkState(
      Transaction tx, Address sender, StateView state, BlockContext ctx) {
    Account account = state.account(sender.toBytes());
    if (tx.nonce() < account.nonce()) {
      return reject(
          TxRejection.Reason.NONCE_TOO_LOW,
          "nonce " + tx.nonce() + ", the account is at " + account.nonce());
    }
    if (tx.nonce() > account.nonce()) {
      return reject(
          TxRejection.Reason.NONCE_TOO_HIGH,
          "nonce " + tx.nonce() + ", the account is at " + account.nonce());
    }
    Optional<TxRejection> limited =
        checkRateLimit(
            tx,
            config.rateLimits().activeAt(ctx.epoch())
                ? SenderActivity.countInWindow(state, sender, ctx.timestamp())
                : 0,
            ctx);
    if (limited.isPresent()) {
      return limited;
    }
    Optional<TxRejection> funds = checkFunds(tx, account.balance());
    if (funds.isPresent()) {
      return funds;
    }
    LedgerModule module = modules.forType(tx.type()).orElseThrow();
    Validation v = validateInModule(module, tx, sender, state, ctx);
    if (v instanceof Validation.Reject r) {
      return reject(TxRejection.Reason.MODULE_REJECTED, module.id() + ": " + r.reason());
    }
    if (v instanceof Validation.Ignore i) {
      return reject(TxRejection.Reason.DEFERRED, module.id() + ": " + i.reason());
    }
    return Optional.empty();
  }

  /**
   * The module's verdict; a module that throws on bad input (which it must not) rejects the
   * transaction rather than failing the block or the pool.
   */
  public static Validation validateInModule(
      LedgerModule module, Transaction tx, Address sender, StateView state, BlockContext ctx) {
    try {
      return Objects.requireNonNull(module.validate(tx, sender, state, ctx), "validation");
    } catch (CodecException
        | ArithmeticException
        | IllegalArgumentException
        | IndexOutOfBoundsException
        | NullPointerException
        | ModuleException e) {
      return Validation.reject(
          "module threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Balance must cover the fee plus the value moved; a malformed transfer body is a reject. */
  public static Optional<TxRejection> checkFunds(Transaction tx, BigInteger balance) {
    Optional<Uint256> spend = spend(tx);
    if (spend.isEmpty()) {
      return reject(TxRejection.Reason.MODULE_REJECTED, "malformed transfer body");
    }
    BigInteger cost = spend.get().toBigInteger().add(tx.fee().toBigInteger());
    if (balance.compareTo(cost) < 0) {
      return reject(
          TxRejection.Reason.INSUFFICIENT_BALANCE,
          "balance " + balance + " < fee " + tx.fee() + " + value " + spend.get());
    }
    return Optional.empty();
  }

  /** Checks, then applies {@code tx} to {@code state}. */
  public Outcome execute(Transaction tx, StateWriter state, BlockContext ctx) {
    Checked envelope = checkEnvelope(tx, ctx);
    if (envelope.rejection().isPresent()) {
      return new Excluded(envelope.rejection().get());
    }
    Address sender = envelope.sender().orElseThrow();
    Optional<TxRejection> rejection = checkState(tx, sender, state, ctx);
    if (rejection.isPresent()) {
      return new Excluded(rejection.get());
    }
    Account account = state.account(sender.toBytes());
    state.setAccount(
        sender.toBytes(),
        new Account(account.balance().subtract(tx.fee().toBigInteger()), account.nonce() + 1));
    if (config.rateLimits().activeAt(ctx.epoch())) {
      SenderActivity.record(
          state, sender, ctx.timestamp(), config.rateLimits().maxTransactionsPerSenderPerHour());
    }
    int afterFee = state.checkpoint();
    LedgerModule module = modules.forType(tx.type()).orElseThrow();
    try {
      ModuleResult result = module.apply(tx, sender, state, ctx);
      return new Applied(
          new Receipt(Receipt.Status.SUCCESS, tx.fee(), result.logs()),
          result.outgoing(),
          tx.fee());
    } catch (ModuleException | CodecException | ArithmeticException | IllegalArgumentException e) {
      // Deterministic failures of the module: undo its writes, keep the fee and nonce.
      state.revertTo(afterFee);
      LOG.debug("transaction {} failed in module {}: {}", tx.hash(), module.id(), e.getMessage());
      return new Applied(
          new Receipt(Receipt.Status.FAILED, tx.fee(), List.of()), List.of(), tx.fee());
    }
  }

  private static Optional<TxRejection> reject(TxRejection.Reason reason, String detail) {
    return Optional.of(new TxRejection(reason, detail));
  }
}
