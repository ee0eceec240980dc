package io.fugue.chain.p2p;

/**
 * Bounds on what remote peers can make a host hold or do. Every field is enforced natively; the
 * defaults fit a block of up to 4 MiB in one gossip message and a sync response of up to 16 MiB.
 *
 * @param maxGossipBytes largest gossip payload published or accepted; larger inbound messages are
 *     rejected and counted ({@code gossipOversizeDropped}), larger outbound ones refused
 * @param maxRequestBytes largest sync request body
 * @param maxResponseBytes largest sync response body
 * @param maxConnections established connections in total
 * @param maxConnectionsPerPeer established connections to one peer; 1 by default, because a second
 *     connection makes go-libp2p pubsub reset streams until rust-libp2p's gossipsub handler
 *     disables itself on that connection (see docs/protocol.md)
 * @param maxPendingConnections connections being set up, per direction
 * @param targetPeers peers found by discovery are dialed while fewer than this are connected
 * @param peerMessagesPerSecond sustained gossip messages plus requests accepted from one peer (0 =
 *     unlimited); excess is dropped and counted ({@code rateLimitedDropped})
 * @param peerBurst burst allowed above the sustained rate
 * @param eventQueueBytes undelivered events held for the pump before new ones are dropped
 */
public record P2pLimits(
    int maxGossipBytes,
    int maxRequestBytes,
    int maxResponseBytes,
    int maxConnections,
    int maxConnectionsPerPeer,
    int maxPendingConnections,
    int targetPeers,
    int peerMessagesPerSecond,
    int peerBurst,
    int eventQueueBytes) {

  private static final int MIB = 1 << 20;

  public P2pLimits {
    positive(maxGossipBytes, "maxGossipBytes");
    positive(maxRequestBytes, "maxRequestBytes");
    positive(maxResponseBytes, "maxResponseBytes");
    positive(maxConnections, "maxConnections");
    positive(maxConnectionsPerPeer, "maxConnectionsPerPeer");
    positive(maxPendingConnections, "maxPendingConnections");
    positive(targetPeers, "targetPeers");
    positive(eventQueueBytes, "eventQueueBytes");
    if (peerMessagesPerSecond < 0 || peerBurst < 0) {
      throw new IllegalArgumentException("peer rate and burst must be non-negative");
    }
    if (maxGossipBytes > 64 * MIB || maxResponseBytes > 256 * MIB) {
      throw new IllegalArgumentException("gossip limit is capped at 64 MiB, responses at 256 MiB");
    }
    if (eventQueueBytes < Math.max(maxGossipBytes, maxResponseBytes) + 1024) {
      throw new IllegalArgumentException("eventQueueBytes must hold the largest message");
    }
  }

  public static P2pLimits defaults() {
    return new P2pLimits(4 * MIB, MIB, 16 * MIB, 128, 1, 32, 50, 500, 1000, 64 * MIB);
  }

  public P2pLimits withMaxGossipBytes(int bytes) {
    return new P2pLimits(
        bytes,
        maxRequestBytes,
        maxResponseBytes,
        maxConnections,
        maxConnectionsPerPeer,
        maxPendingConnections,
        targetPeers,
        peerMessagesPerSecond,
        peerBurst,
        eventQueueBytes);
  }

  public P2pLimits withMaxRequestBytes(int bytes) {
    return new P2pLimits(
        maxGossipBytes,
        bytes,
        maxResponseBytes,
        maxConnections,
        maxConnectionsPerPeer,
        maxPendingConnections,
        targetPeers,
        peerMessagesPerSecond,
        peerBurst,
        eventQueueBytes);
  }

  public P2pLimits withPeerRate(int messagesPerSecond, int burst) {
    return new P2pLimits(
        maxGossipBytes,
        maxRequestBytes,
        maxResponseBytes,
        maxConnections,
        maxConnectionsPerPeer,
        maxPendingConnections,
        targetPeers,
        messagesPerSecond,
        burst,
        eventQueueBytes);
  }

  private static void positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
