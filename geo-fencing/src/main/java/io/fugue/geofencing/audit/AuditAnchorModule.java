package io.fugue.geofencing.audit;

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
import io.fugue.geofencing.GeoFencingTypes;
import java.util.Set;

/**
 * Audit log anchors ({@link AuditAnchor}) as a beacon-chain {@link LedgerModule}. Register it in
 * the beacon chain's {@code ModuleRegistry}, next to {@code FenceModule}.
 */
public final class AuditAnchorModule implements LedgerModule {
  @Override
  public ModuleId id() {
    return AuditAnchor.ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.of(GeoFencingTypes.AUDIT_ANCHOR);
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (!ctx.shardId().isBeacon()) {
      return Validation.reject("audit anchors execute on the beacon chain only");
    }
    try {
      return AuditAnchor.decode(tx.body())
          .check(state, sender)
          .map(Validation::reject)
          .orElse(Validation.ACCEPT);
    } catch (GeoFencingException e) {
      return Validation.reject(e.getMessage());
    }
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    try {
      AuditAnchor.decode(tx.body()).apply(state, sender, ctx.number());
      return ModuleResult.empty();
    } catch (GeoFencingException e) {
      throw new ModuleException(e.getMessage(), e);
    }
  }
}
