package io.fugue.api.resource.vault;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.VaultList;
import io.fugue.api.port.VaultBackend;
import io.vertx.core.Future;

/** {@code GET /v1/vault/openings}: the caller's openings (ids only). */
public final class ListOpeningsEndpoint implements Endpoint {
  private final VaultBackend vault;

  public ListOpeningsEndpoint(VaultBackend vault) {
    this.vault = vault;
  }

  @Override
  public String operationId() {
    return "listOpenings";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(() -> vault.list(request.caller())).map(VaultList::new);
  }
}
