package io.fugue.api.node;

import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.node.ShardNode;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.txpool.AddResult;
import io.fugue.chain.txpool.TxPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The chains the API reads and where it submits transactions, for the shards this node holds. A
 * transaction goes to a validator of its shard ({@link #through}), whose pool judges it and whose
 * node gossips it to the shard's other validators, so whichever leads next can include it. The
 * one-JVM devnet holds every shard through validator 0 of each; a {@code fugue node} process holds
 * its own shard and the beacon chain (its own, or a read-only {@code BeaconReplica}). The beacon
 * chain is always held. Tests without consensus hold chains with bare pools.
 */
public final class ShardChains {
  /** How a transaction of one shard reaches that shard's consensus. */
  public interface Submission {
    /** Adds {@code tx}; the answer the API gives the caller. */
    AddResult submit(Transaction tx);

    /** Whether {@code tx} is still waiting to be included. */
    boolean pending(Hash32 tx);
  }

  /** One shard as this node holds it: its chain, and a submission path unless it is read-only. */
  public record Held(Blockchain chain, Optional<Submission> submission) {
    public Held {
      Objects.requireNonNull(chain, "chain");
      Objects.requireNonNull(submission, "submission");
    }
  }

  private final SortedMap<Integer, Held> shards;

  /**
   * Every shard {@code 0..n-1} of a one-JVM network.
   *
   * @param replicas the chain of each shard, indexed by shard id (0 = beacon)
   * @param pools every pool of each shard, indexed by shard id
   */
  public ShardChains(List<Blockchain> replicas, List<List<TxPool>> pools) {
    this(contiguous(replicas, pools));
  }

  /**
   * Submission through a running validator: {@link ShardNode#submit} adds to its pool and gossips
   * what the pool takes on the shard's transaction topic.
   */
  public static Submission through(ShardNode node) {
    Objects.requireNonNull(node, "node");
    return new Submission() {
      @Override
      public AddResult submit(Transaction tx) {
        return node.submit(tx);
      }

      @Override
      public boolean pending(Hash32 tx) {
        return node.setup().pool().contains(tx);
      }
    };
  }

  /** The shards in {@code held}, by shard id; shard 0 must be among them. */
  public ShardChains(Map<Integer, Held> held) {
    this.shards = new TreeMap<>(held);
    if (!this.shards.containsKey(0)) {
      throw new IllegalArgumentException("the beacon chain (shard 0) must be held");
    }
  }

  private static Map<Integer, Held> contiguous(
      List<Blockchain> replicas, List<List<TxPool>> pools) {
    Objects.requireNonNull(replicas, "replicas");
    if (replicas.size() != pools.size() || replicas.isEmpty()) {
      throw new IllegalArgumentException("one replica and one pool list per shard");
    }
    Map<Integer, Held> out = new TreeMap<>();
    for (int s = 0; s < replicas.size(); s++) {
      out.put(s, new Held(replicas.get(s), Optional.of(new CoLocatedPools(pools.get(s)))));
    }
    return out;
  }

  /** The ids of the shards held, ascending. */
  public List<Integer> shards() {
    return new ArrayList<>(shards.keySet());
  }

  /** The shards held that carry accounts and attestations (all but the beacon chain), ascending. */
  public List<Integer> dataShards() {
    return shards.keySet().stream().filter(s -> s != 0).toList();
  }

  public int count() {
    return shards.size();
  }

  public boolean has(int shard) {
    return shards.containsKey(shard);
  }

  /** The chain of a held shard; throws for any other. */
  public Blockchain chain(int shard) {
    Held h = shards.get(shard);
    if (h == null) {
      throw new IllegalArgumentException(
          "shard " + shard + " is not held here (held: " + shards() + ")");
    }
    return h.chain();
  }

  /** The submission path of a held shard; empty for a read-only replica. */
  public Optional<Submission> submission(int shard) {
    Held h = shards.get(shard);
    return h == null ? Optional.empty() : h.submission();
  }

  /** The pools of shard {@code s} in a one-JVM network (tests drive them directly). */
  public List<TxPool> pools(int shard) {
    return submission(shard)
        .filter(CoLocatedPools.class::isInstance)
        .map(p -> ((CoLocatedPools) p).pools)
        .orElse(List.of());
  }

  public Blockchain beacon() {
    return chain(0);
  }

  /**
   * The first pool judges (its answer is the caller's); the others are offered the accepted
   * transaction.
   */
  private static final class CoLocatedPools implements Submission {
    private final List<TxPool> pools;

    CoLocatedPools(List<TxPool> pools) {
      this.pools = List.copyOf(pools);
      if (this.pools.isEmpty()) {
        throw new IllegalArgumentException("a shard needs at least one pool");
      }
    }

    @Override
    public AddResult submit(Transaction tx) {
      AddResult first = pools.get(0).add(tx);
      if (!(first instanceof AddResult.Rejected)) {
        for (TxPool other : pools.subList(1, pools.size())) {
          other.add(tx);
        }
      }
      return first;
    }

    @Override
    public boolean pending(Hash32 tx) {
      return pools.get(0).contains(tx);
    }
  }
}
