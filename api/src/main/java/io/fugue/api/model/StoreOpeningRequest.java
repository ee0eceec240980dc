package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code PUT /v1/vault/openings/{attestationId}}: the opening, encrypted to the holder. */
public record StoreOpeningRequest(HexBytes ciphertext) {
  public StoreOpeningRequest {
    Objects.requireNonNull(ciphertext, "ciphertext");
  }
}
