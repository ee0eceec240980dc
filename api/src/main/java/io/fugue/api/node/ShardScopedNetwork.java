package io.fugue.api.node;

import io.fugue.chain.node.ConsensusNetwork;
import io.fugue.chain.node.DelegatingNetwork;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A validator's endpoint that offers block sync only peers of its own shard: {@link #peers} lists
 * the connected peers whose consensus gossip on this shard the node accepted. In the devnet all 13
 * hosts share one bootnode, so the raw peer list mixes shards; a sync request to another shard's
 * validator is answered for that shard, rejected, and the peer banned, which would also cut the
 * beacon announcements it relays. Everything else passes through.
 */
final class ShardScopedNetwork extends DelegatingNetwork {
  private final int shard;
  private final Set<Peer> shardPeers = ConcurrentHashMap.newKeySet();

  ShardScopedNetwork(ConsensusNetwork delegate, int shard) {
    super(delegate);
    this.shard = shard;
  }

  @Override
  public void subscribe(int topicShard, Kind kind, GossipHandler handler) {
    if (topicShard != shard || kind != Kind.CONSENSUS) {
      delegate.subscribe(topicShard, kind, handler);
      return;
    }
    delegate.subscribe(
        topicShard,
        kind,
        (from, payload) -> {
          Verdict v = handler.onMessage(from, payload);
          if (v == Verdict.ACCEPT) {
            shardPeers.add(from);
          }
          return v;
        });
  }

  @Override
  public List<Peer> peers() {
    return delegate.peers().stream().filter(shardPeers::contains).toList();
  }
}
