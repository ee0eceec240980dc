package io.fugue.chain.node;

import io.fugue.chain.primitives.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ConsensusNetwork} that passes every call to another endpoint; a wrapper overrides only
 * what it changes ({@link FanOutNetwork} the subscriptions, the API's shard-scoped endpoint the
 * peer list), so a method added to the port is passed through everywhere at once.
 */
public abstract class DelegatingNetwork implements ConsensusNetwork {
  protected final ConsensusNetwork delegate;

  protected DelegatingNetwork(ConsensusNetwork delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void publish(int shard, Kind kind, Bytes payload) {
    delegate.publish(shard, kind, payload);
  }

  @Override
  public void subscribe(int shard, Kind kind, GossipHandler handler) {
    delegate.subscribe(shard, kind, handler);
  }

  @Override
  public CompletableFuture<Bytes> request(Peer peer, Bytes request, Duration timeout) {
    return delegate.request(peer, request, timeout);
  }

  @Override
  public void onRequest(RequestHandler handler) {
    delegate.onRequest(handler);
  }

  @Override
  public List<Peer> peers() {
    return delegate.peers();
  }

  @Override
  public void penalize(Peer peer, String reason) {
    delegate.penalize(peer, reason);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
