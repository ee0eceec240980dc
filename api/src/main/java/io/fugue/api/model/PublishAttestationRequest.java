package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code POST /v1/attestations}, sent by an approved issuer. */
public record PublishAttestationRequest(
    String subject, String schema, HexBytes commitment, long validFrom, long validUntil) {
  public PublishAttestationRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(commitment, "commitment");
    if (validUntil <= validFrom) {
      throw new IllegalArgumentException("validUntil must be after validFrom");
    }
  }
}
