package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import java.util.List;

/** Events decoded from the native host's polled batches; see {@link P2pWire#decodeEvents}. */
sealed interface P2pEvent {
  record ListenAddress(String address) implements P2pEvent {}

  record PeerConnected(PeerId peer, String address, boolean inbound) implements P2pEvent {}

  record PeerDisconnected(PeerId peer) implements P2pEvent {}

  /** {@code protocol}: the peer's identify protocol version, {@code /fugue/<network>/1.0.0}. */
  record PeerIdentified(PeerId peer, String agent, String protocol, List<String> listenAddresses)
      implements P2pEvent {
    public PeerIdentified {
      listenAddresses = List.copyOf(listenAddresses);
    }
  }

  record Gossip(GossipMessage message) implements P2pEvent {}

  record InboundRequest(long id, PeerId peer, Bytes data) implements P2pEvent {}

  record Response(long id, PeerId peer, Bytes data) implements P2pEvent {}

  record RequestFailed(long id, PeerId peer, String reason) implements P2pEvent {}

  /** {@code dropped} events were lost because the native queue was full. */
  record Overflow(long dropped) implements P2pEvent {}

  /** The native swarm task died (it panicked); no event follows. */
  record HostFailed(String reason) implements P2pEvent {}
}
