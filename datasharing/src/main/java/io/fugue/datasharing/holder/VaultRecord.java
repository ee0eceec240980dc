package io.fugue.datasharing.holder;

import io.fugue.datasharing.attestation.AttestationId;
import java.util.Objects;

/** One opening the vault holds for a holder: which attestation, and when it was deposited. */
public record VaultRecord(AttestationId attestation, long storedAt) {
  public VaultRecord {
    Objects.requireNonNull(attestation, "attestation");
  }
}
