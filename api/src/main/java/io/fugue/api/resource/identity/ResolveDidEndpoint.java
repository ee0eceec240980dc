package io.fugue.api.resource.identity;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.http.ProblemException;
import io.fugue.api.port.IdentityBackend;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * {@code GET /v1/identity/dids/{did}}: the W3C DID Resolution result, with the resolution's own
 * errors: {@code invalidDid} is a 400 problem document (titled {@code invalidDid}, counted in
 * {@code /metrics} like every bad request), {@code notFound} a 404 whose body is the resolution
 * result with that error, as the DID Resolution HTTP(S) binding says.
 */
public final class ResolveDidEndpoint implements Endpoint {
  /**
   * The longest DID the route accepts (the contract's maxLength; longer is a 400 before resolution,
   * shorter ones are checked against the did:fugue syntax by the resolver).
   */
  public static final int MAX_DID_CHARS = 200;

  static final String MEDIA_TYPE =
      "application/ld+json;profile=\"https://w3id.org/did-resolution\"";

  private final IdentityBackend identity;

  public ResolveDidEndpoint(IdentityBackend identity) {
    this.identity = identity;
  }

  @Override
  public String operationId() {
    return "resolveDid";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    String did = request.path("did");
    return request
        .backend(() -> identity.resolve(did))
        .map(
            r -> {
              if ("invalidDid".equals(r.error())) {
                throw ProblemException.of(400, "invalid-did", "invalidDid", r.detail());
              }
              if ("notFound".equals(r.error())) {
                request.status(404);
              }
              request.header("Content-Type", MEDIA_TYPE);
              return Buffer.buffer(r.json());
            });
  }
}
