package io.fugue.chain.node;

import io.fugue.chain.primitives.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What a node needs of the network (a port owned by the node): per-shard gossip of consensus
 * messages, finalized blocks and pending transactions, validated by the receiver before it is
 * forwarded, and request/response for block sync. Implemented in memory for tests ({@link
 * InMemoryNetwork}) and over the libp2p host.
 */
public interface ConsensusNetwork extends AutoCloseable {

  /** The gossip channels of a shard. */
  enum Kind {
    CONSENSUS,
    BLOCKS,
    /** Pending transactions, each an encoded {@code Transaction}. */
    TXS
  }

  /** A remote peer, by an opaque id (a libp2p peer id, or a name in memory). */
  record Peer(String id) {
    public Peer {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Whether a gossip message may travel further. */
  enum Verdict {
    /** Valid: deliver and forward. */
    ACCEPT,
    /** Not useful (old, duplicate): drop without penalty. */
    IGNORE,
    /** Invalid: drop and count against the sender. */
    REJECT
  }

  /** Receives gossip of one channel; called on a network thread, must not block. */
  @FunctionalInterface
  interface GossipHandler {
    Verdict onMessage(Peer from, Bytes payload);
  }

  /** Answers a sync request; called on a network thread. */
  @FunctionalInterface
  interface RequestHandler {
    Bytes onRequest(Peer from, Bytes request);
  }

  void publish(int shard, Kind kind, Bytes payload);

  void subscribe(int shard, Kind kind, GossipHandler handler);

  /** Sends a sync request; the future fails on timeout, unknown peer or a closed network. */
  CompletableFuture<Bytes> request(Peer peer, Bytes request, Duration timeout);

  void onRequest(RequestHandler handler);

  /** The peers currently connected. */
  List<Peer> peers();

  /** Lowers the standing of a peer that sent provably bad data (the p2p host bans it). */
  void penalize(Peer peer, String reason);

  @Override
  void close();
}
