package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that polls the native host and dispatches events: gossip to topic handlers (and
 * their verdicts back), inbound requests to the request handler, responses and failures to the
 * pending futures, peer and address changes to the host's views. It ends when the native queue
 * reports the host stopped.
 */
final class EventPump implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);
  private static final int BATCH_BYTES = 1 << 20;
  private static final int POLL_TIMEOUT_MS = 100;
  private static final byte ACCEPT = 0;
  private static final byte REJECT = 1;
  private static final byte IGNORE = 2;

  final Map<String, GossipHandler> handlers = new ConcurrentHashMap<>();
  final AtomicReference<RequestHandler> requestHandler = new AtomicReference<>();
  final Set<PeerId> connected = ConcurrentHashMap.newKeySet();
  final List<String> listenAddresses = new CopyOnWriteArrayList<>();
  final CountDownLatch firstListen = new CountDownLatch(1);

  /** Why the native host died, once it has; null while it runs or after a normal stop. */
  final AtomicReference<String> failure = new AtomicReference<>();

  private final NativeHost.Handle host;
  private final PendingRequests pending;
  private final P2pMetrics.Local metrics;
  private final String network;
  private final Set<PeerId> mismatched = ConcurrentHashMap.newKeySet();

  EventPump(
      NativeHost.Handle host, PendingRequests pending, P2pMetrics.Local metrics, String network) {
    this.host = host;
    this.pending = pending;
    this.metrics = metrics;
    this.network = network;
  }

  @Override
  public void run() {
    try {
      byte[] batch;
      while ((batch = host.poll(BATCH_BYTES, POLL_TIMEOUT_MS)) != null) {
        for (P2pEvent event : P2pWire.decodeEvents(batch)) {
          dispatch(event);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("p2p event pump of {} failed; no more events will be delivered", host.peerId(), e);
    }
  }

  void dispatch(P2pEvent event) {
    if (event instanceof P2pEvent.Gossip e) {
      validate(e.message());
    } else if (event instanceof P2pEvent.InboundRequest e) {
      serve(e);
    } else if (event instanceof P2pEvent.Response e) {
      pending.complete(e.id(), e.data());
    } else if (event instanceof P2pEvent.RequestFailed e) {
      pending.fail(e.id(), new P2pException("request to " + e.peer() + " failed: " + e.reason()));
    } else if (event instanceof P2pEvent.PeerConnected e) {
      connected.add(e.peer());
      LOG.info("peer joined: {} {} ({} peers)", e.peer(), e.address(), connected.size());
    } else if (event instanceof P2pEvent.PeerDisconnected e) {
      connected.remove(e.peer());
      mismatched.remove(e.peer());
      LOG.info("peer left: {} ({} peers)", e.peer(), connected.size());
    } else if (event instanceof P2pEvent.ListenAddress e) {
      listenAddresses.add(e.address());
      firstListen.countDown();
      LOG.info("p2p {} listening on {}", host.peerId(), e.address());
    } else if (event instanceof P2pEvent.Overflow e) {
      metrics.overflowDropped.add(e.dropped());
      LOG.warn("p2p {} dropped {} events: the pump is too slow", host.peerId(), e.dropped());
    } else if (event instanceof P2pEvent.HostFailed e) {
      failure.set(e.reason());
      LOG.error("p2p host {} failed: {}; it delivers no more events", host.peerId(), e.reason());
    } else if (event instanceof P2pEvent.PeerIdentified e) {
      identified(e);
    }
  }

  /** A peer of another network shares no topic or protocol with us: say so instead of idling. */
  private void identified(P2pEvent.PeerIdentified e) {
    LOG.debug("identified {} ({}, {})", e.peer(), e.agent(), e.protocol());
    String ours = P2pWire.identifyProtocol(network);
    // Only a Fugue node of another network is a mismatch; a third-party peer (a go-libp2p client,
    // a crawler) may announce any identify protocol version, or none, and still speak our topics.
    boolean otherFugueNetwork = e.protocol().startsWith("/fugue/") && !ours.equals(e.protocol());
    if (otherFugueNetwork && mismatched.add(e.peer())) {
      metrics.protocolMismatches.increment();
      LOG.warn(
          "protocol mismatch with peer {}: it runs '{}', this node '{}' (network '{}'): check that "
              + "every node and bootnode uses the same genesis networkId (bootnode: --network)",
          e.peer(),
          e.protocol(),
          ours,
          network);
    }
  }

  private void validate(GossipMessage message) {
    GossipValidation verdict = verdictOf(message);
    metrics.verdict(message.topic(), verdict);
    byte code;
    if (verdict instanceof GossipValidation.Accept) {
      code = ACCEPT;
      metrics.accepted.increment();
    } else if (verdict instanceof GossipValidation.Reject r) {
      code = REJECT;
      metrics.rejected.increment();
      if (message.topic().endsWith("/" + Topics.Kind.CONSENSUS.segment())) {
        // Consensus messages are signed by known validators: an invalid one is misbehaviour of
        // whoever forwarded it, beyond the gossip score it also costs.
        quietly(
            "penalize",
            P2pWire.command(P2pWire.OP_PENALIZE).string(message.propagatedBy().value()).toArray());
      }
      LOG.debug(
          "rejected message from {} on {}: {}", message.source(), message.topic(), r.reason());
    } else {
      code = IGNORE;
      metrics.ignored.increment();
    }
    byte[] cmd =
        P2pWire.command(P2pWire.OP_VALIDATE)
            .bytes(message.messageId().toArray())
            .string(message.propagatedBy().value())
            .u8(code)
            .toArray();
    quietly("validate", cmd);
  }

  private GossipValidation verdictOf(GossipMessage message) {
    GossipHandler handler = handlers.get(message.topic());
    if (handler == null) {
      return GossipValidation.ignore();
    }
    try {
      GossipValidation verdict = handler.onMessage(message);
      return verdict != null ? verdict : GossipValidation.reject("handler returned null");
    } catch (RuntimeException e) {
      metrics.handlerErrors.increment();
      LOG.debug("gossip handler for {} threw", message.topic(), e);
      return GossipValidation.reject("handler threw " + e.getClass().getSimpleName());
    }
  }

  private void serve(P2pEvent.InboundRequest request) {
    RequestHandler handler = requestHandler.get();
    CompletableFuture<Bytes> answer;
    try {
      answer = handler == null ? null : handler.onRequest(request.peer(), request.data());
    } catch (RuntimeException e) {
      metrics.handlerErrors.increment();
      LOG.debug("request handler threw", e);
      answer = null;
    }
    if (answer == null) {
      quietly("drop request", P2pWire.command(P2pWire.OP_DROP_REQUEST).u64(request.id()).toArray());
      return;
    }
    // answer(...) handles failures too; the stage whenComplete returns is not needed.
    var unused = answer.whenComplete((bytes, err) -> answer(request.id(), bytes, err));
  }

  private void answer(long id, Bytes bytes, Throwable err) {
    if (err != null || bytes == null) {
      if (err != null) {
        metrics.handlerErrors.increment();
      }
      quietly("drop request", P2pWire.command(P2pWire.OP_DROP_REQUEST).u64(id).toArray());
    } else {
      quietly(
          "respond", P2pWire.command(P2pWire.OP_RESPOND).u64(id).bytes(bytes.toArray()).toArray());
    }
  }

  /** Verdicts and answers race with shutdown and with expiry; a refusal is not an error. */
  private void quietly(String what, byte[] command) {
    try {
      host.command(what, command);
    } catch (P2pException e) {
      LOG.debug("{} not applied: {}", what, e.getMessage());
    }
  }
}
