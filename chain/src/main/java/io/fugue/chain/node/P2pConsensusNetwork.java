package io.fugue.chain.node;

import io.fugue.chain.p2p.GossipValidation;
import io.fugue.chain.p2p.P2pException;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.p2p.Topics;
import io.fugue.chain.primitives.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConsensusNetwork} over a libp2p {@link P2pHost}: one gossipsub topic per shard and kind
 * ({@code /fugue/<network>/<shard>/consensus|blocks|txs}), the node's verdict returned to the host
 * so that only accepted messages are forwarded, and sync over the host's request/response protocol
 * ({@link Topics#syncProtocol}). Sync requests are answered on a dedicated thread (they read the
 * store), never on the host's event pump. A peer penalized for provably bad data (a forged or
 * malformed sync response) is banned. Owns the host: {@link #close} closes it.
 */
public final class P2pConsensusNetwork implements ConsensusNetwork {
  private static final Logger LOG = LoggerFactory.getLogger(P2pConsensusNetwork.class);

  private final P2pHost host;
  private final String network;
  private final ExecutorService server;

  public P2pConsensusNetwork(P2pHost host, String network) {
    this.host = Objects.requireNonNull(host, "host");
    this.network = Objects.requireNonNull(network, "network");
    this.server =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fugue-sync-server");
              t.setDaemon(true);
              return t;
            });
  }

  public P2pHost host() {
    return host;
  }

  private String topic(int shard, Kind kind) {
    return Topics.topic(
        network,
        shard,
        switch (kind) {
          case CONSENSUS -> Topics.Kind.CONSENSUS;
          case BLOCKS -> Topics.Kind.BLOCKS;
          case TXS -> Topics.Kind.TXS;
        });
  }

  @Override
  public void publish(int shard, Kind kind, Bytes payload) {
    try {
      host.publish(topic(shard, kind), payload);
    } catch (P2pException | IllegalStateException e) {
      // No subscribed peer yet, or the host is closing: consensus retransmits, so drop it.
      LOG.debug("publish on shard {} {} dropped: {}", shard, kind, e.getMessage());
    }
  }

  @Override
  public void subscribe(int shard, Kind kind, GossipHandler handler) {
    host.subscribe(
        topic(shard, kind),
        m ->
            switch (handler.onMessage(new Peer(m.propagatedBy().value()), m.data())) {
              case ACCEPT -> GossipValidation.accept();
              case IGNORE -> GossipValidation.ignore();
              case REJECT -> GossipValidation.reject("invalid " + kind + " message");
            });
  }

  @Override
  public CompletableFuture<Bytes> request(Peer peer, Bytes request, Duration timeout) {
    try {
      return host.request(PeerId.of(peer.id()), request, timeout);
    } catch (P2pException | IllegalStateException | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void onRequest(RequestHandler handler) {
    host.onRequest(
        (from, request) ->
            CompletableFuture.supplyAsync(
                () -> handler.onRequest(new Peer(from.value()), request), server));
  }

  @Override
  public List<Peer> peers() {
    try {
      return host.connectedPeers().stream()
          .map(p -> new Peer(p.value()))
          .sorted(java.util.Comparator.comparing(Peer::id))
          .toList();
    } catch (IllegalStateException e) {
      return List.of();
    }
  }

  @Override
  public void penalize(Peer peer, String reason) {
    LOG.warn("banning peer {}: {}", peer.id(), reason);
    try {
      host.ban(PeerId.of(peer.id()));
    } catch (P2pException | IllegalStateException | IllegalArgumentException e) {
      LOG.debug("could not ban {}: {}", peer.id(), e.getMessage());
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
    host.close();
  }
}
