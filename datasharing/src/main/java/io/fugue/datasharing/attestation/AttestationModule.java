package io.fugue.datasharing.attestation;

import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleException;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.module.ModuleResult;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.datasharing.DataSharingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Attestations as a shard {@link LedgerModule}: decodes {@link AttestationTx} bodies and judges
 * them with {@link AttestationRules} against the block time. Issuer standing and schemas come from
 * the {@link IssuerDirectory} the node wires to its beacon-chain view. A publication's receipt
 * carries one log with topics {@link #PUBLISHED} and the attestation id, so a client learns the id
 * from the receipt; a revocation logs {@link #REVOKED} and the id.
 */
public final class AttestationModule implements LedgerModule {
  public static final Hash32 PUBLISHED =
      Hashing.keccak256("AttestationPublished".getBytes(StandardCharsets.US_ASCII));
  public static final Hash32 REVOKED =
      Hashing.keccak256("AttestationRevoked".getBytes(StandardCharsets.US_ASCII));

  private final AttestationRules rules;

  public AttestationModule(IssuerDirectory directory) {
    this.rules = new AttestationRules(directory);
  }

  @Override
  public ModuleId id() {
    return AttestationState.ID;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.copyOf(AttestationTx.types());
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (ctx.shardId().isBeacon()) {
      return Validation.reject("attestations live on the subject's shard, not the beacon chain");
    }
    AttestationRules.Context c;
    try {
      c = context(tx, sender);
    } catch (DataSharingException e) {
      return Validation.reject(e.getMessage());
    }
    Optional<String> rejection = rules.check(c, state, ctx.timestamp());
    return rejection.map(Validation::reject).orElse(Validation.ACCEPT);
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    try {
      AttestationRules.Context c = context(tx, sender);
      rules.apply(c, state, ctx.timestamp());
      AttestationId id =
          c.tx() instanceof AttestationTx.Publish p
              ? AttestationRules.idOf(p, c)
              : ((AttestationTx.Revoke) c.tx()).id();
      Hash32 event = c.tx() instanceof AttestationTx.Publish ? PUBLISHED : REVOKED;
      return ModuleResult.ofLogs(
          List.of(new Receipt.Log(sender, List.of(event, id.value()), Bytes.EMPTY)));
    } catch (DataSharingException e) {
      throw new ModuleException(e.getMessage(), e);
    }
  }

  private static AttestationRules.Context context(Transaction tx, Address sender) {
    return new AttestationRules.Context(
        AttestationTx.decode(tx.type(), tx.body()), sender, tx.nonce(), tx.shardId());
  }
}
