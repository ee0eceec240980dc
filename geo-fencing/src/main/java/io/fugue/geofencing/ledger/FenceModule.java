package io.fugue.geofencing.ledger;

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
import io.fugue.geofencing.GeoFencingException;
import java.util.Optional;
import java.util.Set;

/**
 * Compliance officers and fences as a beacon-chain {@link LedgerModule}: decodes {@link FenceTx}
 * bodies, judges them with {@link FenceRules} at the block's height, and refuses to run on a shard.
 * Register it only in the beacon chain's {@code ModuleRegistry}.
 */
public final class FenceModule implements LedgerModule {
  private final FenceRules rules;

  public FenceModule(ComplianceGovernance governance) {
    this.rules = new FenceRules(governance);
  }

  @Override
  public ModuleId id() {
    return FenceState.ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.copyOf(FenceTx.types());
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (!ctx.shardId().isBeacon()) {
      return Validation.reject("fence transactions execute on the beacon chain only");
    }
    FenceTx body;
    try {
      body = FenceTx.decode(tx.type(), tx.body());
    } catch (GeoFencingException e) {
      return Validation.reject(e.getMessage());
    }
    Optional<String> rejection = rules.check(body, sender, state, ctx.number());
    return rejection.map(Validation::reject).orElse(Validation.ACCEPT);
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    try {
      rules.apply(FenceTx.decode(tx.type(), tx.body()), sender, state, ctx.number());
      return ModuleResult.empty();
    } catch (GeoFencingException e) {
      throw new ModuleException(e.getMessage(), e);
    }
  }
}
