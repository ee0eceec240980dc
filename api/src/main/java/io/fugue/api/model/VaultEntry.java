package io.fugue.api.model;

import java.util.Objects;

/** One opening held in the vault; the ciphertext itself never leaves through the API. */
public record VaultEntry(Digest attestationId, long storedAt) {
  public VaultEntry {
    Objects.requireNonNull(attestationId, "attestationId");
  }
}
