package io.fugue.api.port;

import io.vertx.core.Future;

/** The beacon chain's did:fugue registry (datasharing identity). Called from a worker thread. */
public interface IdentityBackend {
  /**
   * A W3C DID Resolution result for {@code did} at the beacon head: the document, its metadata and
   * its inclusion proof against the head's state root, or the {@code invalidDid} / {@code notFound}
   * error.
   */
  Future<DidResolution> resolve(String did);

  /**
   * The result as JSON text; {@code error} is {@code invalidDid}, {@code notFound} or null on
   * success, {@code detail} says why a DID is invalid.
   */
  record DidResolution(String error, String detail, String json) {}
}
