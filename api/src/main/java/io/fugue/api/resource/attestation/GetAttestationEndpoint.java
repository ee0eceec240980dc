package io.fugue.api.resource.attestation;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.port.AttestationBackend;
import io.vertx.core.Future;

/** {@code GET /v1/attestations/{id}}. */
public final class GetAttestationEndpoint implements Endpoint {
  private final AttestationBackend attestations;

  public GetAttestationEndpoint(AttestationBackend attestations) {
    this.attestations = attestations;
  }

  @Override
  public String operationId() {
    return "getAttestation";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("id"));
    return request.found(() -> attestations.attestation(id), "attestation " + id);
  }
}
