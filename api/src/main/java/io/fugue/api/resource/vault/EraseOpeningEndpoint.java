package io.fugue.api.resource.vault;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.port.VaultBackend;
import io.vertx.core.Future;

/** {@code DELETE /v1/vault/openings/{attestationId}}: erase an opening (204). */
public final class EraseOpeningEndpoint implements Endpoint {
  private final VaultBackend vault;

  public EraseOpeningEndpoint(VaultBackend vault) {
    this.vault = vault;
  }

  @Override
  public String operationId() {
    return "eraseOpening";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("attestationId"));
    return request.outcome(() -> vault.erase(request.caller(), id)).map(entry -> null);
  }
}
