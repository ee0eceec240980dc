package io.fugue.api.resource.vault;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.port.VaultBackend;
import io.vertx.core.Future;

/** {@code GET /v1/vault/key}: the public key issuers seal openings to (public). */
public final class GetVaultKeyEndpoint implements Endpoint {
  private final VaultBackend vault;

  public GetVaultKeyEndpoint(VaultBackend vault) {
    this.vault = vault;
  }

  @Override
  public String operationId() {
    return "getVaultKey";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(vault::depositKey);
  }
}
