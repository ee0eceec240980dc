package io.fugue.datasharing.identity;

import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleException;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.module.ModuleResult;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.datasharing.DataSharingException;
import java.util.Optional;
import java.util.Set;

/**
 * did:fugue DIDs as a beacon-chain {@link LedgerModule} (types 0x40..0x42): create (the sender
 * becomes the controller), update (current controller only; may hand control to another account),
 * deactivate (current controller only; final).
 */
public final class DidModule implements LedgerModule {
  @Override
  public ModuleId id() {
    return DidState.ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.copyOf(DidTx.types());
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (!ctx.shardId().isBeacon()) {
      return Validation.reject("DID transactions execute on the beacon chain only");
    }
    DidTx body;
    try {
      body = DidTx.decode(tx.type(), tx.body());
    } catch (DataSharingException e) {
      return Validation.reject(e.getMessage());
    }
    return check(body, tx, sender, state).map(Validation::reject).orElse(Validation.ACCEPT);
  }

  private static Optional<String> check(
      DidTx body, Transaction tx, Address sender, StateView state) {
    if (body instanceof DidTx.Create) {
      DidId id = DidId.derive(sender, tx.nonce());
      return DidState.did(state, id).isPresent()
          ? Optional.of(id + " already exists")
          : Optional.empty();
    }
    if (body instanceof DidTx.Update u) {
      return controllerCheck(u.id(), sender, state);
    }
    return controllerCheck(((DidTx.Deactivate) body).id(), sender, state);
  }

  private static Optional<String> controllerCheck(DidId id, Address sender, StateView state) {
    Optional<DidRecord> r = DidState.did(state, id);
    if (r.isEmpty()) {
      return Optional.of(id + " does not exist");
    }
    if (r.get().deactivated()) {
      return Optional.of(id + " is deactivated");
    }
    if (!r.get().controller().equals(sender)) {
      return Optional.of("only the controller of " + id + " may change it");
    }
    return Optional.empty();
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    try {
      DidTx body = DidTx.decode(tx.type(), tx.body());
      Optional<String> rejection = check(body, tx, sender, state);
      if (rejection.isPresent()) {
        throw new ModuleException(rejection.get());
      }
      long now = ctx.timestamp();
      if (body instanceof DidTx.Create c) {
        DidState.put(
            state,
            new DidRecord(
                DidId.derive(sender, tx.nonce()),
                sender,
                c.methods(),
                c.services(),
                1,
                now,
                now,
                false));
      } else if (body instanceof DidTx.Update u) {
        DidRecord old = DidState.did(state, u.id()).orElseThrow();
        DidState.put(
            state,
            new DidRecord(
                u.id(),
                u.controller(),
                u.methods(),
                u.services(),
                old.version() + 1,
                old.created(),
                now,
                false));
      } else {
        DidTx.Deactivate d = (DidTx.Deactivate) body;
        DidRecord old = DidState.did(state, d.id()).orElseThrow();
        DidState.put(
            state,
            new DidRecord(
                d.id(),
                old.controller(),
                old.methods(),
                old.services(),
                old.version() + 1,
                old.created(),
                now,
                true));
      }
      return ModuleResult.empty();
    } catch (DataSharingException e) {
      throw new ModuleException(e.getMessage(), e);
    }
  }
}
