package io.fugue.api.resource.attestation;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.PublishAttestationRequest;
import io.fugue.api.port.AttestationBackend;
import io.vertx.core.Future;

/** {@code POST /v1/attestations}: an issuer publishes an attestation (201). */
public final class PublishAttestationEndpoint implements Endpoint {
  private final AttestationBackend attestations;

  public PublishAttestationEndpoint(AttestationBackend attestations) {
    this.attestations = attestations;
  }

  @Override
  public String operationId() {
    return "publishAttestation";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    PublishAttestationRequest body = request.body(PublishAttestationRequest.class);
    return request
        .outcome(() -> attestations.publish(request.caller(), body))
        .map(
            view -> {
              request.status(201);
              return view;
            });
  }
}
