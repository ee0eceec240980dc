package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbound requests awaiting an answer, by the id Java chose. A future is registered before the
 * command is sent, so a failure event can never arrive for an unknown id; each has a deadline after
 * which it fails even if the network never reports anything.
 */
final class PendingRequests {
  /** A registered request: the id to send and the future the caller holds. */
  record Registration(long id, CompletableFuture<Bytes> future) {}

  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<Long, CompletableFuture<Bytes>> pending = new ConcurrentHashMap<>();

  Registration register(PeerId peer, Duration deadline) {
    long id = nextId.getAndIncrement();
    CompletableFuture<Bytes> future = new CompletableFuture<>();
    pending.put(id, future);
    CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () ->
                fail(id, new P2pException("request to " + peer + " timed out after " + deadline)));
    return new Registration(id, future);
  }

  void complete(long id, Bytes response) {
    CompletableFuture<Bytes> f = pending.remove(id);
    if (f != null) {
      f.complete(response);
    }
  }

  void fail(long id, P2pException error) {
    CompletableFuture<Bytes> f = pending.remove(id);
    if (f != null) {
      f.completeExceptionally(error);
    }
  }

  /** Fails every pending request (the host is closing). */
  void failAll(String reason) {
    for (Long id : pending.keySet()) {
      fail(id, new P2pException(reason));
    }
  }

  int size() {
    return pending.size();
  }
}
