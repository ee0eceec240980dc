package io.fugue.chain.node;

import io.fugue.chain.primitives.Bytes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ConsensusNetwork} that lets several handlers share one gossip channel of another
 * endpoint (a libp2p host keeps one handler per topic, so a shard node's {@link BeaconFollower} and
 * a {@link BeaconReplica} on the same host would otherwise displace each other). Every handler sees
 * every message; the verdict is the strictest any gives (REJECT over ACCEPT over IGNORE), so a
 * message one of them finds invalid is never forwarded. Everything else is delegated, {@link
 * #close} included.
 */
public final class FanOutNetwork extends DelegatingNetwork {
  private final Map<String, List<GossipHandler>> handlers = new ConcurrentHashMap<>();

  public FanOutNetwork(ConsensusNetwork delegate) {
    super(delegate);
  }

  @Override
  public void subscribe(int shard, Kind kind, GossipHandler handler) {
    Objects.requireNonNull(handler, "handler");
    boolean[] first = {false};
    List<GossipHandler> list =
        handlers.computeIfAbsent(
            shard + "/" + kind,
            k -> {
              first[0] = true;
              return new CopyOnWriteArrayList<>();
            });
    list.add(handler);
    if (first[0]) {
      delegate.subscribe(shard, kind, (from, payload) -> dispatch(list, from, payload));
    }
  }

  private static Verdict dispatch(List<GossipHandler> list, Peer from, Bytes payload) {
    Verdict out = Verdict.IGNORE;
    for (GossipHandler h : list) {
      Verdict v = h.onMessage(from, payload);
      if (v == Verdict.REJECT) {
        out = Verdict.REJECT;
      } else if (v == Verdict.ACCEPT && out == Verdict.IGNORE) {
        out = Verdict.ACCEPT;
      }
    }
    return out;
  }
}
