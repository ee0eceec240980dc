package io.fugue.api.node;

import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.txpool.TxPool;
import java.util.List;
import java.util.Objects;

/**
 * The chains the API reads and the pools it submits to. Shard {@code s}'s reads go to one replica
 * (the node's own); a submitted transaction goes to every co-located pool of its shard, which in
 * the one-JVM devnet stands in for transaction gossip, so whichever validator leads next includes
 * it.
 */
public final class ShardChains {
  private final List<Blockchain> replicas;
  private final List<List<TxPool>> pools;

  /**
   * @param replicas the chain of each shard, indexed by shard id (0 = beacon)
   * @param pools every pool of each shard, indexed by shard id
   */
  public ShardChains(List<Blockchain> replicas, List<List<TxPool>> pools) {
    this.replicas = List.copyOf(Objects.requireNonNull(replicas, "replicas"));
    this.pools = pools.stream().map(List::copyOf).toList();
    if (this.replicas.size() != this.pools.size() || this.replicas.isEmpty()) {
      throw new IllegalArgumentException("one replica and one pool list per shard");
    }
  }

  public int count() {
    return replicas.size();
  }

  public boolean has(int shard) {
    return shard >= 0 && shard < replicas.size();
  }

  public Blockchain chain(int shard) {
    return replicas.get(shard);
  }

  public List<TxPool> pools(int shard) {
    return pools.get(shard);
  }

  public Blockchain beacon() {
    return replicas.get(0);
  }
}
