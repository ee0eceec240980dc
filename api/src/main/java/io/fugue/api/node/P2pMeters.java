package io.fugue.api.node;

import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.p2p.P2pMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The libp2p host's counters on {@code /metrics} as {@code fugue_p2p_*}: traffic and drops at the
 * network edge, gossip verdicts per topic (topics joined when the API starts), connections, peer
 * scores and bans. Each scrape reads the host's live counters; a stopped host reports its last.
 */
final class P2pMeters {
  private P2pMeters() {}

  static void bind(MeterRegistry registry, P2pHost host) {
    counter(
        registry,
        host,
        "gossip.oversize.dropped",
        "gossip messages over the size limit, in or out",
        P2pMetrics::gossipOversizeDropped);
    counter(
        registry,
        host,
        "rate.limited.dropped",
        "gossip messages and requests over a peer's rate",
        P2pMetrics::rateLimitedDropped);
    counter(
        registry,
        host,
        "gossip.in.messages",
        "gossip messages received",
        P2pMetrics::gossipInMessages);
    counter(
        registry,
        host,
        "gossip.out.messages",
        "gossip messages published",
        P2pMetrics::gossipOutMessages);
    counter(
        registry,
        host,
        "events.dropped",
        "native events lost to a full queue",
        P2pMetrics::eventsDropped);
    counter(
        registry,
        host,
        "handler.errors",
        "gossip or request handlers that threw",
        P2pMetrics::handlerErrors);
    counter(
        registry,
        host,
        "inbound.request.failures",
        "inbound sync requests that failed",
        P2pMetrics::inboundRequestFailures);
    counter(
        registry,
        host,
        "connection.errors",
        "inbound connections refused or failed",
        P2pMetrics::connectionErrors);
    counter(
        registry,
        host,
        "bans",
        "peers banned (graylisted score or repeated invalid traffic)",
        P2pMetrics::bans);
    counter(
        registry,
        host,
        "penalties",
        "invalid consensus or sync traffic reported",
        P2pMetrics::penalties);
    counter(
        registry,
        host,
        "duplicate.connections.closed",
        "extra connections to a connected peer closed by the shared keep rule",
        P2pMetrics::duplicateConnectionsClosed);
    gauge(registry, host, "peers", "connected peers", P2pMetrics::peers);
    gauge(registry, host, "connections", "established connections", P2pMetrics::connections);
    gauge(registry, host, "banned.peers", "peers banned now", P2pMetrics::bannedPeers);
    verdicts(registry, host, host.topics());
    Gauge.builder("fugue.p2p.peer.score.min", host, P2pMeters::lowestScore)
        .description("lowest gossipsub score among connected peers (0 without peers)")
        .register(registry);
    Gauge.builder(
            "fugue.p2p.peers.negative.score",
            host,
            h -> safely(h, x -> x.peerScores().values().stream().filter(s -> s < 0).count()))
        .description("connected peers with a negative gossipsub score")
        .register(registry);
  }

  private static void verdicts(MeterRegistry registry, P2pHost host, Collection<String> topics) {
    for (String topic : topics) {
      for (String verdict : new String[] {"accept", "reject", "ignore"}) {
        FunctionCounter.builder(
                "fugue.p2p.gossip.verdicts",
                host,
                h -> {
                  P2pMetrics.Verdicts v = h.metrics().verdictsByTopic().get(topic);
                  if (v == null) {
                    return 0;
                  }
                  return switch (verdict) {
                    case "accept" -> v.accepted();
                    case "reject" -> v.rejected();
                    default -> v.ignored();
                  };
                })
            .description("gossip verdicts given by this node")
            .tag("topic", topic)
            .tag("verdict", verdict)
            .register(registry);
      }
    }
  }

  private static double lowestScore(P2pHost host) {
    return safely(
        host,
        h -> h.peerScores().values().stream().mapToDouble(Double::doubleValue).min().orElse(0));
  }

  /** Scores need the running host; a stopped one reports NaN (Prometheus: no value). */
  private static double safely(P2pHost host, ToDoubleFunction<P2pHost> read) {
    if (host.state() != P2pHost.State.RUNNING) {
      return Double.NaN;
    }
    try {
      return read.applyAsDouble(host);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private static void counter(
      MeterRegistry registry,
      P2pHost host,
      String name,
      String help,
      ToLongFunction<P2pMetrics> read) {
    FunctionCounter.builder("fugue.p2p." + name, host, h -> read.applyAsLong(h.metrics()))
        .description(help)
        .register(registry);
  }

  private static void gauge(
      MeterRegistry registry,
      P2pHost host,
      String name,
      String help,
      ToLongFunction<P2pMetrics> read) {
    Gauge.builder("fugue.p2p." + name, host, h -> read.applyAsLong(h.metrics()))
        .description(help)
        .register(registry);
  }
}
