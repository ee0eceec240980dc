package io.fugue.chain.node;

import io.fugue.chain.primitives.Bytes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A network of {@link ConsensusNetwork} endpoints inside one JVM, for tests and the one-JVM devnet.
 * Gossip is handed to every other connected endpoint's handler on the publisher's thread (handlers
 * only enqueue, as on the real network); sync requests run on a shared pool. Endpoints can be cut
 * off and reconnected to simulate partitions and restarts.
 */
public final class InMemoryNetwork implements AutoCloseable {
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final ExecutorService requests =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fugue-memnet-request");
            t.setDaemon(true);
            return t;
          });

  /** A new connected endpoint named {@code id} (replacing a closed one of the same name). */
  public ConsensusNetwork endpoint(String id) {
    Endpoint e = new Endpoint(new ConsensusNetwork.Peer(id));
    Endpoint old = endpoints.put(id, e);
    if (old != null && !old.closed) {
      endpoints.put(id, old);
      throw new IllegalStateException("endpoint " + id + " is open");
    }
    return e;
  }

  /** Cuts an endpoint off (it neither sends nor receives) or reconnects it. */
  public void setConnected(String id, boolean connected) {
    Endpoint e = endpoints.get(id);
    if (e != null) {
      e.connected = connected;
    }
  }

  /** How often peers penalized {@code id}. */
  public long penalties(String id) {
    return endpoints.values().stream()
        .mapToLong(e -> e.penalized.getOrDefault(id, new AtomicLong()).get())
        .sum();
  }

  @Override
  public void close() {
    endpoints.values().forEach(Endpoint::close);
    requests.shutdownNow();
  }

  private final class Endpoint implements ConsensusNetwork {
    private final Peer self;
    private final Map<String, List<GossipHandler>> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> penalized = new ConcurrentHashMap<>();
    private volatile RequestHandler requestHandler;
    private volatile boolean connected = true;
    private volatile boolean closed;

    Endpoint(Peer self) {
      this.self = self;
    }

    private boolean live() {
      return connected && !closed;
    }

    @Override
    public void publish(int shard, Kind kind, Bytes payload) {
      Objects.requireNonNull(payload, "payload");
      if (!live()) {
        return;
      }
      String channel = shard + "/" + kind;
      for (Endpoint other : endpoints.values()) {
        if (other != this && other.live()) {
          for (GossipHandler h : other.handlers.getOrDefault(channel, List.of())) {
            h.onMessage(self, payload);
          }
        }
      }
    }

    @Override
    public void subscribe(int shard, Kind kind, GossipHandler handler) {
      handlers.computeIfAbsent(shard + "/" + kind, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    @Override
    public CompletableFuture<Bytes> request(Peer peer, Bytes request, Duration timeout) {
      Endpoint other = endpoints.get(peer.id());
      if (!live() || other == null || !other.live() || other.requestHandler == null) {
        return CompletableFuture.failedFuture(
            new NodeException("peer " + peer.id() + " unreachable"));
      }
      RequestHandler h = other.requestHandler;
      return CompletableFuture.supplyAsync(() -> h.onRequest(self, request), requests)
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onRequest(RequestHandler handler) {
      this.requestHandler = handler;
    }

    @Override
    public List<Peer> peers() {
      List<Peer> out = new ArrayList<>();
      if (live()) {
        endpoints.values().stream()
            .filter(e -> e != this && e.live())
            .forEach(e -> out.add(e.self));
      }
      return out;
    }

    @Override
    public void penalize(Peer peer, String reason) {
      penalized.computeIfAbsent(peer.id(), k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void close() {
      closed = true;
      handlers.clear();
      requestHandler = null;
    }
  }
}
