package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.service.Service;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libp2p node: gossip per topic with validation in Java before anything is forwarded, sync
 * requests with deadlines, discovery through bootnodes and Kademlia. Backed by a native host with
 * its own runtime; events arrive on one pump thread, where gossip and request handlers run.
 *
 * <p>Lifecycle of a {@link Service}: {@link #create} gives an IDLE host, {@link #start} makes it
 * RUNNING, {@link #close} makes it STOPPED (from either state, any number of times). Pending
 * requests fail when the host closes. Bootnode mode ({@link P2pConfig.Builder#asBootnode()})
 * refuses topics.
 */
public final class P2pHost extends Service implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(P2pHost.class);
  private static final Duration LISTEN_WAIT = Duration.ofSeconds(10);

  private final P2pConfig config;
  private final PendingRequests pending = new PendingRequests();
  private final P2pMetrics.Local metrics = new P2pMetrics.Local();
  private volatile NativeHost host;
  private volatile EventPump pump;
  private volatile Thread pumpThread;

  private P2pHost(P2pConfig config) {
    super("p2p host");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** An IDLE host; nothing is opened until {@link #start()}. */
  public static P2pHost create(P2pConfig config) {
    return new P2pHost(config);
  }

  /** Creates and starts a host. */
  public static P2pHost start(P2pConfig config) {
    return create(config).start();
  }

  /**
   * Opens the listen sockets, dials the bootnodes and starts the event pump; returns once a listen
   * address is known (so {@link #dialableAddress()} works at once).
   */
  @Override
  public P2pHost start() {
    super.start();
    return this;
  }

  @Override
  protected void doStart() {
    byte[] secret = config.keyPath().map(NodeKey::loadOrCreate).orElseGet(NodeKey::generate);
    try {
      host = NativeHost.start(config, secret);
    } finally {
      java.util.Arrays.fill(secret, (byte) 0);
    }
    pump = new EventPump(host.handle(), pending, metrics, config.network());
    pumpThread = new Thread(pump, "fugue-p2p-pump-" + host.peerId().value().substring(0, 12));
    pumpThread.setDaemon(true);
    pumpThread.start();
    awaitListening();
    LOG.info("p2p host {} started on network {}", host.peerId(), config.network());
  }

  private void awaitListening() {
    if (config.listenAddresses().isEmpty()) {
      return;
    }
    try {
      if (!pump.firstListen.await(LISTEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new P2pException("no listen address reported within " + LISTEN_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new P2pException("interrupted while starting", e);
    }
  }

  /**
   * Why the native host died while RUNNING (its swarm task panicked), if it did: from then on no
   * event arrives and commands fail; the owner should close this host and start a new one.
   */
  public java.util.Optional<String> failure() {
    EventPump p = pump;
    return java.util.Optional.ofNullable(p == null ? null : p.failure.get());
  }

  public P2pConfig config() {
    return config;
  }

  /** This host's peer id; available once started, and still after it stopped. */
  public PeerId peerId() {
    NativeHost h = host;
    if (h == null) {
      throw new IllegalStateException("host was never started");
    }
    return h.peerId();
  }

  /** Addresses this host listens on, as reported so far. */
  public List<String> listenAddresses() {
    running();
    return List.copyOf(pump.listenAddresses);
  }

  /** The first listen address with {@code /p2p/<peer id>}: what others use as a bootnode. */
  public String dialableAddress() {
    List<String> addrs = listenAddresses();
    if (addrs.isEmpty()) {
      throw new P2pException("host has no listen address");
    }
    return addrs.get(0) + "/p2p/" + peerId().value();
  }

  /** Peers with at least one open connection, as seen by the event pump. */
  public Set<PeerId> connectedPeers() {
    running();
    return Set.copyOf(pump.connected);
  }

  /** Joins {@code topic}; {@code handler} decides whether each message is forwarded. */
  public void subscribe(String topic, GossipHandler handler) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(handler, "handler");
    if (config.bootnode()) {
      throw new IllegalStateException("a bootnode joins no topics");
    }
    running();
    pump.handlers.put(topic, handler);
    send("subscribe " + topic, P2pWire.command(P2pWire.OP_SUBSCRIBE).string(topic));
  }

  /** The topics this host has joined. */
  public Set<String> topics() {
    running();
    return Set.copyOf(pump.handlers.keySet());
  }

  public void unsubscribe(String topic) {
    running();
    send("unsubscribe " + topic, P2pWire.command(P2pWire.OP_UNSUBSCRIBE).string(topic));
    pump.handlers.remove(topic);
  }

  /**
   * Publishes {@code data} on {@code topic} and returns its gossip message id. Throws {@link
   * P2pException} when no connected peer is subscribed yet or the message is over the limit.
   */
  public Bytes publish(String topic, Bytes data) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(data, "data");
    if (config.bootnode()) {
      throw new IllegalStateException("a bootnode joins no topics");
    }
    running();
    byte[] cmd = P2pWire.command(P2pWire.OP_PUBLISH).string(topic).bytes(data.toArray()).toArray();
    return Bytes.of(host.command("publish on " + topic, cmd));
  }

  /** Sends a sync request with the configured request timeout as its deadline. */
  public CompletableFuture<Bytes> request(PeerId peer, Bytes request) {
    return request(peer, request, config.requestTimeout());
  }

  /**
   * Sends a sync request; the future completes with the response, or fails with a {@link
   * P2pException} on a network failure, at {@code deadline}, or when this host closes.
   */
  public CompletableFuture<Bytes> request(PeerId peer, Bytes request, Duration deadline) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(request, "request");
    running();
    PendingRequests.Registration r = pending.register(peer, deadline);
    byte[] cmd =
        P2pWire.command(P2pWire.OP_REQUEST)
            .u64(r.id())
            .string(peer.value())
            .bytes(request.toArray())
            .toArray();
    try {
      host.command("request to " + peer, cmd);
    } catch (P2pException e) {
      pending.fail(r.id(), e);
    }
    return r.future();
  }

  /** Sets the handler for inbound sync requests (without one, requests fail at the requester). */
  public void onRequest(RequestHandler handler) {
    running();
    pump.requestHandler.set(handler);
  }

  /** Dials a peer by multiaddr. */
  public void dial(String multiaddr) {
    running();
    send("dial " + multiaddr, P2pWire.command(P2pWire.OP_DIAL).string(multiaddr));
  }

  /** Adds a known peer ({@code .../p2p/<peer id>}) to Kademlia and dials it, as for a bootnode. */
  public void addPeer(String multiaddrWithPeerId) {
    running();
    send("add peer", P2pWire.command(P2pWire.OP_ADD_PEER).string(multiaddrWithPeerId));
  }

  /** Starts a Kademlia bootstrap now (it also runs periodically). */
  public void bootstrap() {
    running();
    send("bootstrap", P2pWire.command(P2pWire.OP_BOOTSTRAP));
  }

  /** Closes every connection to {@code peer} and refuses new ones until {@link #unban}. */
  public void ban(PeerId peer) {
    running();
    send("ban " + peer, P2pWire.command(P2pWire.OP_BAN).string(peer.value()));
  }

  public void unban(PeerId peer) {
    running();
    send("unban " + peer, P2pWire.command(P2pWire.OP_UNBAN).string(peer.value()));
  }

  /**
   * Reports invalid traffic from {@code peer} (a malformed or abusive sync request, an invalid
   * consensus message); {@code P2pLimits}-independent native limits turn repeated reports into a
   * time-bounded ban (docs/protocol.md, "Peer scoring and bans").
   */
  public void penalize(PeerId peer) {
    running();
    send("penalize " + peer, P2pWire.command(P2pWire.OP_PENALIZE).string(peer.value()));
  }

  /** Connected peers with their gossipsub scores (0 for a peer without one yet). */
  public java.util.Map<PeerId, Double> peerScores() {
    running();
    return P2pWire.decodeScores(
        host.command("peer scores", P2pWire.command(P2pWire.OP_PEER_SCORES).toArray()));
  }

  /** Connected peers as the swarm itself reports them. */
  public List<PeerId> peers() {
    running();
    return P2pWire.decodePeers(host.command("peers", P2pWire.command(P2pWire.OP_PEERS).toArray()));
  }

  public P2pMetrics metrics() {
    NativeHost h = host;
    return metrics.snapshot(h == null ? null : h.stats());
  }

  /** Stops the host; pending requests fail. Idempotent and safe from any thread. */
  @Override
  public void close() {
    stop();
  }

  @Override
  protected void doStop() {
    NativeHost h = host;
    if (h != null) {
      metrics.snapshot(h.stats());
      h.stop();
    }
    Thread t = pumpThread;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pending.failAll("p2p host closed");
    if (h != null) {
      LOG.info("p2p host {} stopped", h.peerId());
    }
  }

  private void send(String what, P2pWire.Writer command) {
    host.command(what, command.toArray());
  }

  private NativeHost running() {
    State s = state();
    if (s != State.RUNNING) {
      throw new IllegalStateException("host is " + s + ", not RUNNING");
    }
    return host;
  }
}
