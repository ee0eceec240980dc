package io.fugue.api.resource.issuer;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.IssuerStatusRequest;
import io.fugue.api.port.IssuerBackend;
import io.vertx.core.Future;

/** {@code POST /v1/issuers/{account}/status}: governance approves or suspends. */
public final class SetIssuerStatusEndpoint implements Endpoint {
  private final IssuerBackend issuers;

  public SetIssuerStatusEndpoint(IssuerBackend issuers) {
    this.issuers = issuers;
  }

  @Override
  public String operationId() {
    return "setIssuerStatus";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    AccountAddress account = AccountAddress.fromHex(request.path("account"));
    IssuerStatusRequest body = request.body(IssuerStatusRequest.class);
    return request.outcome(() -> issuers.setStatus(request.caller(), account, body));
  }
}
