package io.fugue.datasharing.attestation;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.registry.Issuer;
import io.fugue.datasharing.registry.Schema;
import java.util.Objects;
import java.util.Optional;

/**
 * The attestation module's state transition, pure and deterministic given the {@link
 * IssuerDirectory} answers and the block time.
 *
 * <p>Publish: the sender must be a registered issuer, APPROVED (not pending, not suspended), and
 * allowed by the schema, which must exist; validity must satisfy validFrom &lt; validUntil and not
 * be over at block time; the commitment was checked canonical when the body was decoded; the
 * derived id must be new. Revoke: only the attestation's issuer, only while it is active (a
 * suspended issuer may still revoke).
 */
public final class AttestationRules {
  private final IssuerDirectory directory;

  public AttestationRules(IssuerDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** The transaction being judged: its body, signer, nonce and shard. */
  public record Context(AttestationTx tx, Address sender, long nonce, ShardId shard) {
    public Context {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(shard, "shard");
      if (nonce < 0) {
        throw new DataSharingException("nonce must not be negative");
      }
    }
  }

  /** Why the transaction is not acceptable at block time {@code nowMillis}, or empty. */
  public Optional<String> check(Context c, StateView state, long nowMillis) {
    if (c.tx() instanceof AttestationTx.Publish p) {
      return checkPublish(p, c, state, nowMillis);
    } else if (c.tx() instanceof AttestationTx.Revoke r) {
      return checkRevoke(r, c.sender(), state);
    }
    return Optional.of("unknown attestation transaction");
  }

  /**
   * Applies the transaction, or throws {@link DataSharingException} with the reason having written
   * nothing.
   */
  public void apply(Context c, StateWriter state, long nowMillis) {
    Optional<String> rejection = check(c, state, nowMillis);
    if (rejection.isPresent()) {
      throw new DataSharingException(rejection.get());
    }
    if (c.tx() instanceof AttestationTx.Publish p) {
      AttestationState.insert(state, toRecord(p, c, nowMillis));
    } else if (c.tx() instanceof AttestationTx.Revoke r) {
      Attestation a = AttestationState.attestation(state, r.id()).orElseThrow();
      AttestationState.update(state, a.revoked(nowMillis));
    }
  }

  /** The id a publication gets. */
  public static AttestationId idOf(AttestationTx.Publish p, Context c) {
    return AttestationId.derive(c.shard(), c.sender(), c.nonce(), p.subject(), p.schema());
  }

  private static Attestation toRecord(AttestationTx.Publish p, Context c, long now) {
    return new Attestation(
        idOf(p, c),
        c.sender(),
        p.subject(),
        p.holder(),
        p.schema(),
        p.commitment(),
        p.validFrom(),
        p.validUntil(),
        now,
        AttestationStatus.ACTIVE,
        0);
  }

  private Optional<String> checkPublish(
      AttestationTx.Publish p, Context c, StateView state, long now) {
    Optional<Issuer> issuer = directory.issuer(c.sender());
    if (issuer.isEmpty()) {
      return Optional.of("sender is not a registered issuer");
    }
    if (!issuer.get().isApproved()) {
      return Optional.of("issuer is " + issuer.get().status() + ", not APPROVED");
    }
    Optional<Schema> schema = directory.schema(p.schema());
    if (schema.isEmpty()) {
      return Optional.of("unknown schema " + p.schema());
    }
    if (!schema.get().allows(c.sender())) {
      return Optional.of("schema " + p.schema() + " does not allow this issuer");
    }
    if (p.validUntil() <= now) {
      return Optional.of("attestation would already have expired at block time");
    }
    if (AttestationState.attestation(state, idOf(p, c)).isPresent()) {
      return Optional.of("an attestation with this id already exists");
    }
    return Optional.empty();
  }

  private static Optional<String> checkRevoke(
      AttestationTx.Revoke r, Address sender, StateView state) {
    Optional<Attestation> a = AttestationState.attestation(state, r.id());
    if (a.isEmpty()) {
      return Optional.of("no such attestation");
    }
    if (!a.get().issuer().equals(sender)) {
      return Optional.of("only the attestation's issuer may revoke it");
    }
    if (a.get().status() == AttestationStatus.REVOKED) {
      return Optional.of("attestation is already revoked");
    }
    return Optional.empty();
  }
}
