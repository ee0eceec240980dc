package io.fugue.datasharing.query;

import io.fugue.chain.state.StateView;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.AttestationState;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link AttestationLookup} over one shard's state, read from the view supplied at each call. */
public final class ShardStateAttestations implements AttestationLookup {
  private final Supplier<StateView> shardView;

  public ShardStateAttestations(Supplier<StateView> shardView) {
    this.shardView = Objects.requireNonNull(shardView, "shardView");
  }

  @Override
  public Optional<Attestation> attestation(AttestationId id) {
    return AttestationState.attestation(shardView.get(), id);
  }
}
