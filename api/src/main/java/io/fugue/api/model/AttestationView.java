package io.fugue.api.model;

import java.util.Objects;

/**
 * An attestation record: a Pedersen commitment to one attribute of a subject. Times are epoch
 * seconds; {@code status} is active, revoked or expired.
 */
public record AttestationView(
    Digest id,
    AccountAddress issuer,
    String subject,
    String schema,
    HexBytes commitment,
    long validFrom,
    long validUntil,
    String status) {
  public AttestationView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(status, "status");
  }
}
