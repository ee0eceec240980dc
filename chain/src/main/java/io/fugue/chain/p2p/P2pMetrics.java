package io.fugue.chain.p2p;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A host's counters: the native ones (traffic, drops at the network edge) and the Java ones
 * (verdicts, handler failures, events lost to a full queue).
 *
 * @param peers currently connected peers
 * @param gossipInMessages gossip messages received and handed to validation
 * @param gossipInBytes their payload bytes
 * @param gossipOutMessages messages this host published
 * @param gossipOutBytes their payload bytes
 * @param gossipOversizeDropped messages over {@link P2pLimits#maxGossipBytes}, in or out
 * @param rateLimitedDropped messages and requests over a peer's rate
 * @param eventsDropped events lost because the native queue was full
 * @param accepted messages Java accepted (forwarded)
 * @param rejected messages Java rejected, including those whose handler threw
 * @param ignored messages Java ignored, including those on topics without a handler
 * @param handlerErrors gossip or request handlers that threw
 * @param requestsIn inbound sync requests
 * @param requestsOut outbound sync requests
 * @param inboundRequestFailures inbound requests that failed (oversize, malformed, unanswered)
 * @param outboundRequestFailures outbound requests that failed (dial, timeout, remote refusal)
 * @param connectionErrors inbound connections that failed to upgrade (e.g. garbage bytes)
 * @param responseBytesIn sync response bytes received
 * @param protocolMismatches peers identified with another network's protocol (another genesis
 *     {@code networkId}): they share no topic with this host
 * @param connections established connections (at most {@link P2pLimits#maxConnectionsPerPeer} per
 *     peer)
 * @param bans bans imposed: a gossip score below the graylist threshold, or repeated invalid
 *     consensus or sync traffic ({@link P2pHost#penalize})
 * @param bannedPeers peers banned now (bans are time-bounded)
 * @param penalties invalid consensus or sync traffic reported to the native host
 * @param duplicateConnectionsClosed extra connections to a connected peer that the host closed (two
 *     peers that dial each other at once keep one connection, the same on both sides)
 * @param verdictsByTopic Java's gossip verdicts per topic
 */
public record P2pMetrics(
    long peers,
    long gossipInMessages,
    long gossipInBytes,
    long gossipOutMessages,
    long gossipOutBytes,
    long gossipOversizeDropped,
    long rateLimitedDropped,
    long eventsDropped,
    long accepted,
    long rejected,
    long ignored,
    long handlerErrors,
    long requestsIn,
    long requestsOut,
    long inboundRequestFailures,
    long outboundRequestFailures,
    long connectionErrors,
    long responseBytesIn,
    long protocolMismatches,
    long connections,
    long bans,
    long bannedPeers,
    long penalties,
    long duplicateConnectionsClosed,
    Map<String, Verdicts> verdictsByTopic) {

  public P2pMetrics {
    verdictsByTopic = Map.copyOf(verdictsByTopic);
  }

  /** Accepted, rejected and ignored messages on one topic. */
  public record Verdicts(long accepted, long rejected, long ignored) {}

  /** The Java-side counters, updated by the event pump. */
  /** How many counters the native host reports (the Rust {@code STAT_NAMES}). */
  static final int NATIVE_STATS = 19;

  static final class Local {
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder ignored = new LongAdder();
    final LongAdder handlerErrors = new LongAdder();
    final LongAdder overflowDropped = new LongAdder();
    final LongAdder protocolMismatches = new LongAdder();
    private final Map<String, LongAdder[]> topics = new ConcurrentHashMap<>();
    volatile long[] lastNative = new long[NATIVE_STATS];

    /** Combines the native counters (order of the Rust {@code STAT_NAMES}) with these. */
    P2pMetrics snapshot(long[] nativeStats) {
      long[] n =
          nativeStats != null && nativeStats.length >= NATIVE_STATS ? nativeStats : lastNative;
      lastNative = n;
      return new P2pMetrics(
          n[0],
          n[1],
          n[2],
          n[3],
          n[4],
          n[5],
          n[6],
          Math.max(n[7], overflowDropped.sum()),
          accepted.sum(),
          rejected.sum(),
          ignored.sum(),
          handlerErrors.sum(),
          n[8],
          n[9],
          n[10],
          n[11],
          n[12],
          n[13],
          protocolMismatches.sum(),
          n[14],
          n[15],
          n[16],
          n[17],
          n[18],
          verdicts());
    }

    /** Counts a verdict on {@code topic} (only topics with a handler are seen here in practice). */
    void verdict(String topic, GossipValidation verdict) {
      LongAdder[] c =
          topics.computeIfAbsent(
              topic, t -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
      int i =
          verdict instanceof GossipValidation.Accept
              ? 0
              : verdict instanceof GossipValidation.Reject ? 1 : 2;
      c[i].increment();
    }

    private Map<String, Verdicts> verdicts() {
      Map<String, Verdicts> out = new TreeMap<>();
      topics.forEach((t, c) -> out.put(t, new Verdicts(c[0].sum(), c[1].sum(), c[2].sum())));
      return out;
    }
  }
}
