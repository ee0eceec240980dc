package io.fugue.api.resource.attestation;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.http.ProblemException;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationList;
import io.fugue.api.port.AttestationBackend;
import io.vertx.core.Future;

/** {@code GET /v1/attestations/by-issuer/{issuer}}: an issuer lists its own attestations. */
public final class ListIssuerAttestationsEndpoint implements Endpoint {
  private final AttestationBackend attestations;

  public ListIssuerAttestationsEndpoint(AttestationBackend attestations) {
    this.attestations = attestations;
  }

  @Override
  public String operationId() {
    return "listIssuerAttestations";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    AccountAddress issuer = AccountAddress.fromHex(request.path("issuer"));
    if (!issuer.equals(request.caller().address())) {
      return Future.failedFuture(
          ProblemException.forbidden("an issuer may list only its own attestations"));
    }
    return request.backend(() -> attestations.byIssuer(issuer)).map(AttestationList::new);
  }
}
