package io.fugue.api.resource.attestation;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.AttestationList;
import io.fugue.api.port.AttestationBackend;
import io.vertx.core.Future;

/** {@code GET /v1/attestations/by-subject/{subject}}: a holder lists its subject's attestations. */
public final class ListSubjectAttestationsEndpoint implements Endpoint {
  private final AttestationBackend attestations;

  public ListSubjectAttestationsEndpoint(AttestationBackend attestations) {
    this.attestations = attestations;
  }

  @Override
  public String operationId() {
    return "listSubjectAttestations";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    String subject = request.path("subject");
    return request
        .outcome(() -> attestations.bySubject(request.caller(), subject))
        .map(AttestationList::new);
  }
}
