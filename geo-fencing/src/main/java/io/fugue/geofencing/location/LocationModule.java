package io.fugue.geofencing.location;

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
import io.fugue.geofencing.ledger.ComplianceGovernance;
import java.util.Set;

/**
 * Location attestors and claims as a beacon-chain {@link LedgerModule}. Register it only in the
 * beacon chain's {@code ModuleRegistry}, next to {@code FenceModule}.
 */
public final class LocationModule implements LedgerModule {
  private final LocationRules rules;

  public LocationModule(ComplianceGovernance governance) {
    this.rules = new LocationRules(governance);
  }

  @Override
  public ModuleId id() {
    return LocationState.ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.copyOf(LocationTx.types());
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (!ctx.shardId().isBeacon()) {
      return Validation.reject("location transactions execute on the beacon chain only");
    }
    LocationTx body;
    try {
      body = LocationTx.decode(tx.type(), tx.body());
    } catch (GeoFencingException e) {
      return Validation.reject(e.getMessage());
    }
    return rules
        .check(body, sender, state, ctx.number(), ctx.chainId())
        .map(Validation::reject)
        .orElse(Validation.ACCEPT);
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    try {
      rules.apply(
          LocationTx.decode(tx.type(), tx.body()), sender, state, ctx.number(), ctx.chainId());
      return ModuleResult.empty();
    } catch (GeoFencingException e) {
      throw new ModuleException(e.getMessage(), e);
    }
  }
}
