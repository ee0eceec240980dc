package io.fugue.api.port;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationProofView;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Caller;
import io.fugue.api.model.Digest;
import io.fugue.api.model.PublishAttestationRequest;
import io.fugue.api.model.RevokeAttestationRequest;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Attestations on the subjects' shards (datasharing). Listing by subject is scoped to the caller:
 * the implementation rejects a holder asking for another subject with {@code FORBIDDEN}. Called
 * from a worker thread.
 */
public interface AttestationBackend {
  Future<Outcome<AttestationView>> publish(Caller issuer, PublishAttestationRequest request);

  Future<Optional<AttestationView>> attestation(Digest id);

  /** The record with its inclusion proof at its shard's head; empty when no shard holds it. */
  Future<Optional<AttestationProofView>> proof(Digest id);

  Future<Outcome<AttestationView>> revoke(
      Caller issuer, Digest id, RevokeAttestationRequest request);

  Future<Outcome<List<AttestationView>>> bySubject(Caller holder, String subject);

  Future<List<AttestationView>> byIssuer(AccountAddress issuer);
}
