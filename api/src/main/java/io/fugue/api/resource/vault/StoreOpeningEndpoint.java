package io.fugue.api.resource.vault;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.model.StoreOpeningRequest;
import io.fugue.api.port.VaultBackend;
import io.vertx.core.Future;

/** {@code PUT /v1/vault/openings/{attestationId}}: keep an encrypted opening (201). */
public final class StoreOpeningEndpoint implements Endpoint {
  private final VaultBackend vault;

  public StoreOpeningEndpoint(VaultBackend vault) {
    this.vault = vault;
  }

  @Override
  public String operationId() {
    return "storeOpening";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    Digest id = Digest.fromHex(request.path("attestationId"));
    StoreOpeningRequest body = request.body(StoreOpeningRequest.class);
    return request
        .outcome(() -> vault.store(request.caller(), id, body))
        .map(
            entry -> {
              request.status(201);
              return entry;
            });
  }
}
