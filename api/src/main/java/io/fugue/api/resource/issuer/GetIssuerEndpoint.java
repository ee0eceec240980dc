package io.fugue.api.resource.issuer;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.port.IssuerBackend;
import io.vertx.core.Future;

/** {@code GET /v1/issuers/{account}}. */
public final class GetIssuerEndpoint implements Endpoint {
  private final IssuerBackend issuers;

  public GetIssuerEndpoint(IssuerBackend issuers) {
    this.issuers = issuers;
  }

  @Override
  public String operationId() {
    return "getIssuer";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    AccountAddress account = AccountAddress.fromHex(request.path("account"));
    return request.found(() -> issuers.issuer(account), "issuer " + account);
  }
}
