package io.fugue.datasharing.query;

import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import java.util.Optional;

/**
 * The port through which the query side reads attestations as the chain records them. The node
 * implements it over the head state of the shards it serves ({@link ShardStateAttestations} for one
 * shard); the commitment a proof is checked against always comes from here, never from the prover.
 */
public interface AttestationLookup {
  Optional<Attestation> attestation(AttestationId id);
}
