package io.fugue.api.resource.attestation;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.port.AttestationBackend;
import io.vertx.core.Future;

/**
 * {@code GET /v1/attestations/{id}/proof}: the record with its inclusion proof at its shard's head.
 */
public final class GetAttestationProofEndpoint implements Endpoint {
  private final AttestationBackend attestations;

  public GetAttestationProofEndpoint(AttestationBackend attestations) {
    this.attestations = attestations;
  }

  @Override
  public String operationId() {
    return "getAttestationProof";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("id"));
    return request.found(() -> attestations.proof(id), "attestation " + id);
  }
}
