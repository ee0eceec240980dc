package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code POST /v1/attestations/{id}/revocation}. */
public record RevokeAttestationRequest(String reason) {
  public RevokeAttestationRequest {
    Objects.requireNonNull(reason, "reason");
  }
}
