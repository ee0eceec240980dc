package io.fugue.chain.execution;

import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleException;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.module.ModuleResult;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.Set;

/**
 * A test module: an empty body is rejected, a two-item body makes validate throw (a module bug);
 * otherwise apply writes a record and credits the sender, then fails, so the executor must undo
 * both.
 */
final class FailingModule implements LedgerModule {
  static final ModuleId ID = ModuleId.of("test.failing");
  static final int TYPE = 0x20;

  @Override
  public ModuleId id() {
    return ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (tx.body().size() == 2) {
      tx.body().string(5); // a careless module: indexes past the body
    }
    return tx.body().size() == 0 ? Validation.reject("empty body") : Validation.ACCEPT;
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    state.putModuleValue(ID.bytes(), Bytes.of((byte) 1), Bytes.of((byte) 2));
    Account a = state.account(sender.toBytes());
    state.setAccount(sender.toBytes(), a.withBalance(a.balance().add(BigInteger.TEN)));
    throw new ModuleException("always fails after writing");
  }
}
