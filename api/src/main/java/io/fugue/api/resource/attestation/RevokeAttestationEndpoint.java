package io.fugue.api.resource.attestation;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.model.RevokeAttestationRequest;
import io.fugue.api.port.AttestationBackend;
import io.vertx.core.Future;

/** {@code POST /v1/attestations/{id}/revocation}: the issuer revokes. */
public final class RevokeAttestationEndpoint implements Endpoint {
  private final AttestationBackend attestations;

  public RevokeAttestationEndpoint(AttestationBackend attestations) {
    this.attestations = attestations;
  }

  @Override
  public String operationId() {
    return "revokeAttestation";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("id"));
    RevokeAttestationRequest body = request.body(RevokeAttestationRequest.class);
    return request.outcome(() -> attestations.revoke(request.caller(), id, body));
  }
}
