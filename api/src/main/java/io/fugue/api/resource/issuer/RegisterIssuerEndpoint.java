package io.fugue.api.resource.issuer;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.RegisterIssuerRequest;
import io.fugue.api.port.IssuerBackend;
import io.vertx.core.Future;

/** {@code POST /v1/issuers}: the caller's account applies as an issuer (201). */
public final class RegisterIssuerEndpoint implements Endpoint {
  private final IssuerBackend issuers;

  public RegisterIssuerEndpoint(IssuerBackend issuers) {
    this.issuers = issuers;
  }

  @Override
  public String operationId() {
    return "registerIssuer";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    RegisterIssuerRequest body = request.body(RegisterIssuerRequest.class);
    return request
        .outcome(() -> issuers.register(request.caller(), body))
        .map(
            view -> {
              request.status(201);
              return view;
            });
  }
}
