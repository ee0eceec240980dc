package io.fugue.api.resource.issuer;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.IssuerList;
import io.fugue.api.port.IssuerBackend;
import io.vertx.core.Future;

/** {@code GET /v1/issuers}: the issuer registry. */
public final class ListIssuersEndpoint implements Endpoint {
  private final IssuerBackend issuers;

  public ListIssuersEndpoint(IssuerBackend issuers) {
    this.issuers = issuers;
  }

  @Override
  public String operationId() {
    return "listIssuers";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(issuers::issuers).map(IssuerList::new);
  }
}
