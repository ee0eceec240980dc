package io.fugue.datasharing.attestation;

import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.StateKeys;
import io.fugue.chain.state.StateProof;
import io.fugue.chain.state.WorldState;
import io.fugue.datasharing.DataSharingException;
import java.util.Objects;
import java.util.Optional;

/**
 * An attestation record with its inclusion proof against a shard state root: anyone holding the
 * root (from a finalized header) checks it with SHA-256 alone via {@link #verify()}.
 */
public record AttestationProof(Attestation attestation, Hash32 stateRoot, StateProof proof) {
  public AttestationProof {
    Objects.requireNonNull(attestation, "attestation");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(proof, "proof");
  }

  /** Reads attestation {@code id} at {@code root} and proves it; throws if it is absent there. */
  public static AttestationProof prove(WorldState state, Hash32 root, AttestationId id) {
    Attestation a =
        AttestationState.attestation(state.view(root), id)
            .orElseThrow(() -> new DataSharingException("no attestation " + id + " at that root"));
    StateProof p =
        state.proveModuleValue(root, AttestationState.MODULE_ID, AttestationState.recordKey(id));
    return new AttestationProof(a, root, p);
  }

  /** Whether the proof shows exactly this record under {@link #stateRoot()}. */
  public boolean verify() {
    return proof.verify(
        stateRoot,
        StateKeys.module(AttestationState.MODULE_ID, AttestationState.recordKey(attestation.id())),
        Optional.of(attestation.encode()));
  }
}
