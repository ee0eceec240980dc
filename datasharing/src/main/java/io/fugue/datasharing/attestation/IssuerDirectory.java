package io.fugue.datasharing.attestation;

import io.fugue.chain.primitives.Address;
import io.fugue.datasharing.registry.Issuer;
import io.fugue.datasharing.registry.Schema;
import io.fugue.datasharing.registry.SchemaId;
import java.util.Optional;

/**
 * The port through which a shard learns what the beacon chain says about issuers and schemas.
 * Issuer and schema records live on the beacon chain, attestations on the subject's shard; the
 * attestation module and the query service read standing through this interface only.
 *
 * <p>The node implements it with {@link BeaconIssuerDirectory} over a beacon-chain state view. For
 * block validation every validator of the shard must see the same answers, so the node binds the
 * view to a beacon root fixed by the shard block being executed (the latest finalized beacon block
 * the shard has linked), never to a validator's own moving head.
 */
public interface IssuerDirectory {
  /** The issuer record of {@code account}, if it registered. */
  Optional<Issuer> issuer(Address account);

  /** The schema with {@code id}, if it exists. */
  Optional<Schema> schema(SchemaId id);
}
