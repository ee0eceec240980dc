package io.fugue.api.model;

import java.util.Objects;

/**
 * An attestation record with its inclusion proof against the state root of its shard's head: {@code
 * proof} is the {@code StateProof} wire encoding, {@code record} the stored value, so a client
 * holding the root checks the record with SHA-256 alone.
 */
public record AttestationProofView(
    Digest attestationId,
    int shard,
    long blockNumber,
    Digest blockHash,
    Digest stateRoot,
    HexBytes proof,
    HexBytes record) {
  public AttestationProofView {
    Objects.requireNonNull(attestationId, "attestationId");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(record, "record");
  }
}
