package io.fugue.datasharing.registry;

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
 * The issuer and schema registry as a beacon-chain {@link LedgerModule}: decodes the bodies of
 * {@link RegistryTx}, judges them with {@link RegistryRules}, and refuses to run on a shard other
 * than the beacon chain. Register it only in the beacon chain's {@code ModuleRegistry}.
 */
public final class RegistryModule implements LedgerModule {
  private final RegistryRules rules;

  public RegistryModule(GovernanceConfig governance) {
    this.rules = new RegistryRules(governance);
  }

  @Override
  public ModuleId id() {
    return RegistryState.ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.copyOf(RegistryTx.types());
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (!ctx.shardId().isBeacon()) {
      return Validation.reject("registry transactions execute on the beacon chain only");
    }
    RegistryTx body;
    try {
      body = RegistryTx.decode(tx.type(), tx.body());
    } catch (DataSharingException e) {
      return Validation.reject(e.getMessage());
    }
    Optional<String> rejection = rules.check(body, sender, state);
    return rejection.map(Validation::reject).orElse(Validation.ACCEPT);
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    try {
      rules.apply(RegistryTx.decode(tx.type(), tx.body()), sender, state, ctx.timestamp());
      return ModuleResult.empty();
    } catch (DataSharingException e) {
      throw new ModuleException(e.getMessage(), e);
    }
  }
}
