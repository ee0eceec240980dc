package io.fugue.datasharing.query;

import io.fugue.chain.primitives.Address;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.IssuerDirectory;
import io.fugue.datasharing.registry.Issuer;
import io.fugue.datasharing.registry.Schema;
import io.fugue.zk.Commitment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a query against the chain: reads its attestations and schema, and checks everything a
 * proof's verdict depends on besides the proof itself. Pure given its two ports and the time.
 */
public final class QueryChecks {
  private final AttestationLookup attestations;
  private final IssuerDirectory directory;

  public QueryChecks(AttestationLookup attestations, IssuerDirectory directory) {
    this.attestations = Objects.requireNonNull(attestations, "attestations");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** A query's on-chain attestations (in its order) and their common schema. */
  public record Resolved(List<Attestation> attestations, Schema schema) {
    public Resolved {
      attestations = List.copyOf(attestations);
      Objects.requireNonNull(schema, "schema");
    }

    public List<Commitment> commitments() {
      return attestations.stream().map(Attestation::commitment).toList();
    }
  }

  /**
   * Resolves {@code request} at time {@code nowMillis}; throws {@link DataSharingException} with
   * the first reason it cannot be answered.
   */
  public Resolved resolve(QueryRequest request, long nowMillis) {
    List<Attestation> found = new ArrayList<>();
    for (AttestationId id : request.attestations()) {
      found.add(attestation(id));
    }
    Attestation first = found.get(0);
    for (Attestation a : found) {
      if (!a.schema().equals(first.schema())
          || !a.subject().equals(first.subject())
          || !a.holder().equals(first.holder())) {
        throw new DataSharingException(
            "all attestations of a query must share one subject, holder and schema");
      }
    }
    Schema schema =
        directory
            .schema(first.schema())
            .orElseThrow(() -> new DataSharingException("unknown schema " + first.schema()));
    for (Attestation a : found) {
      checkUsable(a, schema, nowMillis);
    }
    if (!request.predicate().isAggregate()) {
      for (long t : request.predicate().thresholds()) {
        if (t > schema.maxValue()) {
          throw new DataSharingException(
              "threshold exceeds the "
                  + schema.bits().bits()
                  + "-bit range of schema "
                  + schema.id());
        }
      }
    }
    return new Resolved(found, schema);
  }

  /** The holder of a query's attestations (they share one). */
  public Address holderOf(QueryRequest request) {
    return attestation(request.attestations().get(0)).holder();
  }

  private Attestation attestation(AttestationId id) {
    return attestations
        .attestation(id)
        .orElseThrow(() -> new DataSharingException("unknown attestation " + id));
  }

  private void checkUsable(Attestation a, Schema schema, long now) {
    String unusable = a.unusableReason(now);
    if (unusable != null) {
      throw new DataSharingException(unusable);
    }
    Optional<Issuer> issuer = directory.issuer(a.issuer());
    if (issuer.isEmpty() || !issuer.get().isApproved()) {
      throw new DataSharingException(
          "the issuer of attestation "
              + a.id()
              + " is "
              + issuer.map(i -> i.status().toString()).orElse("not registered")
              + ", not APPROVED");
    }
    if (!schema.allows(a.issuer())) {
      throw new DataSharingException(
          "schema " + schema.id() + " does not allow the issuer of attestation " + a.id());
    }
  }
}
