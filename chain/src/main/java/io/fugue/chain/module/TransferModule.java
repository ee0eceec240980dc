package io.fugue.chain.module;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.ledger.CrossShardReceipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.TransactionTypes;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Value transfers ({@link TransactionTypes#TRANSFER}), the first ledger module. Same-shard: debit
 * the sender, credit the recipient. Cross-shard ({@code toShardId} differs from the transaction's
 * shard): debit only, and emit a {@link CrossShardReceipt} that the destination shard credits once
 * it holds a proof of it (crediting lands with the cross-shard issue). Writes only accounts, so its
 * state namespace stays empty.
 */
public final class TransferModule implements LedgerModule {
  public static final ModuleId ID = ModuleId.of("transfer");

  @Override
  public ModuleId id() {
    return ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.of(TransactionTypes.TRANSFER);
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    Transfer transfer;
    try {
      transfer = tx.transfer();
    } catch (CodecException e) {
      return Validation.reject("malformed transfer body: " + e.getMessage());
    }
    if (transfer.toShardId().value() >= ctx.shardCount()) {
      return Validation.reject(
          "destination shard "
              + transfer.toShardId()
              + " does not exist ("
              + ctx.shardCount()
              + " shards)");
    }
    Optional<Uint256> cost = transfer.value().tryAdd(tx.fee());
    if (cost.isEmpty()) {
      return Validation.reject("value plus fee exceeds 2^256");
    }
    BigInteger balance = state.account(sender.toBytes()).balance();
    if (balance.compareTo(cost.get().toBigInteger()) < 0) {
      return Validation.reject(
          "insufficient balance: "
              + balance
              + " < value "
              + transfer.value()
              + " + fee "
              + tx.fee());
    }
    if (sameShard(tx, transfer) && !sender.equals(transfer.to())) {
      BigInteger credited =
          state.account(transfer.to().toBytes()).balance().add(transfer.value().toBigInteger());
      if (credited.compareTo(Account.BALANCE_LIMIT) >= 0) {
        return Validation.reject("recipient balance would exceed 2^256");
      }
    }
    return Validation.ACCEPT;
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    Transfer transfer = tx.transfer();
    BigInteger value = transfer.value().toBigInteger();
    Account from = state.account(sender.toBytes());
    if (from.balance().compareTo(value) < 0) {
      throw new ModuleException("insufficient balance for value " + value);
    }
    state.setAccount(sender.toBytes(), from.withBalance(from.balance().subtract(value)));
    if (!sameShard(tx, transfer)) {
      return new ModuleResult(
          List.of(),
          List.of(
              new CrossShardReceipt(
                  tx.hash(),
                  sender,
                  transfer.to(),
                  tx.shardId(),
                  transfer.toShardId(),
                  transfer.value())));
    }
    Account to = state.account(transfer.to().toBytes());
    BigInteger credited = to.balance().add(value);
    if (credited.compareTo(Account.BALANCE_LIMIT) >= 0) {
      throw new ModuleException("recipient balance would exceed 2^256");
    }
    state.setAccount(transfer.to().toBytes(), to.withBalance(credited));
    return ModuleResult.empty();
  }

  private static boolean sameShard(Transaction tx, Transfer transfer) {
    return transfer.toShardId().equals(tx.shardId());
  }
}
