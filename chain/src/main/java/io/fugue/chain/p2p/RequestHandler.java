package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import java.util.concurrent.CompletableFuture;

/**
 * Answers inbound sync requests. Called on the event pump thread; return a future so that slow
 * answers (disk reads) run elsewhere. A failed future, or one that is never completed before the
 * request timeout, fails the request at the requester.
 */
@FunctionalInterface
public interface RequestHandler {
  CompletableFuture<Bytes> onRequest(PeerId from, Bytes request);
}
