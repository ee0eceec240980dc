package io.fugue.chain.node;

import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.txpool.AddResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every validator of a network in one JVM over an {@link InMemoryNetwork}: what {@code ./fugue
 * devnet} runs behind its HTTP API. Validator {@code i} of shard {@code s} is named {@code "s-i"};
 * its store survives a stop, so {@link #startValidator} after {@link #stopValidator} is a restart
 * that catches up by block sync. Thread-safe.
 */
public final class LocalNetwork implements AutoCloseable {
  private final GenesisConfig genesis;
  private final List<List<BlsSecretKey>> keys;
  private final ShardNodes.Options options;
  private final Clock clock;
  private final InMemoryNetwork network = new InMemoryNetwork();
  private final KeyValueStore[][] stores;
  private final ShardNode[][] nodes;

  /**
   * @param keys the secret key of every committee slot, per shard (e.g. {@code
   *     DevnetGenesis.Devnet.validators()})
   * @param storeFactory opens validator {@code i} of shard {@code s}'s store (in memory, or RocksDB
   *     per directory)
   */
  public LocalNetwork(
      GenesisConfig genesis,
      List<List<BlsSecretKey>> keys,
      ShardNodes.Options options,
      Clock clock,
      BiFunction<Integer, Integer, KeyValueStore> storeFactory) {
    this.genesis = Objects.requireNonNull(genesis, "genesis");
    this.keys = keys.stream().map(List::copyOf).toList();
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (this.keys.size() != genesis.shardCount()) {
      throw new IllegalArgumentException(
          "keys for " + this.keys.size() + " shards, genesis has " + genesis.shardCount());
    }
    stores = new KeyValueStore[genesis.shardCount()][];
    nodes = new ShardNode[genesis.shardCount()][];
    for (int s = 0; s < genesis.shardCount(); s++) {
      stores[s] = new KeyValueStore[this.keys.get(s).size()];
      nodes[s] = new ShardNode[this.keys.get(s).size()];
      for (int i = 0; i < stores[s].length; i++) {
        stores[s][i] = storeFactory.apply(s, i);
      }
    }
  }

  /** In-memory stores. */
  public static LocalNetwork inMemory(
      GenesisConfig genesis, List<List<BlsSecretKey>> keys, ShardNodes.Options options) {
    return new LocalNetwork(
        genesis, keys, options, Clock.systemUTC(), (s, i) -> new InMemoryKeyValueStore());
  }

  /** Starts every validator that is not running. */
  public synchronized void startAll() {
    for (int s = 0; s < nodes.length; s++) {
      for (int i = 0; i < nodes[s].length; i++) {
        if (!running(s, i)) {
          startValidator(s, i);
        }
      }
    }
  }

  /** Starts (or restarts, on its kept store) validator {@code i} of {@code shard}. */
  public synchronized ShardNode startValidator(int shard, int i) {
    if (running(shard, i)) {
      throw new IllegalStateException("validator " + shard + "-" + i + " is running");
    }
    ShardNode n =
        ShardNodes.open(
            genesis,
            shard,
            keys.get(shard).get(i),
            stores[shard][i],
            network.endpoint(shard + "-" + i),
            options,
            clock);
    n.start();
    nodes[shard][i] = n;
    return n;
  }

  public synchronized void stopValidator(int shard, int i) {
    if (nodes[shard][i] != null) {
      nodes[shard][i].stop();
    }
  }

  /** Cuts a running validator off the network (true) or reconnects it (false). */
  public void partition(int shard, int i, boolean cutOff) {
    network.setConnected(shard + "-" + i, !cutOff);
  }

  public synchronized boolean running(int shard, int i) {
    return nodes[shard][i] != null && nodes[shard][i].isRunning();
  }

  /** The validator's node, if it was ever started (stopped nodes stay readable). */
  public synchronized Optional<ShardNode> node(int shard, int i) {
    return Optional.ofNullable(nodes[shard][i]);
  }

  /** The in-memory network the validators share (tests attach extra endpoints to it). */
  public InMemoryNetwork network() {
    return network;
  }

  public int shardCount() {
    return nodes.length;
  }

  public int validators(int shard) {
    return nodes[shard].length;
  }

  /** The chain of the running validator of {@code shard} with the highest head, for reads. */
  public synchronized Optional<Blockchain> chain(int shard) {
    Blockchain best = null;
    for (int i = 0; i < nodes[shard].length; i++) {
      if (running(shard, i)) {
        Blockchain c = nodes[shard][i].setup().chain();
        if (best == null || c.head().number() > best.head().number()) {
          best = c;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Offers a transaction to every running validator's pool of its shard (transactions are not
   * gossiped yet); the results, one per running validator.
   */
  public synchronized List<AddResult> submit(Transaction tx) {
    int shard = tx.shardId().value();
    if (shard >= nodes.length) {
      throw new IllegalArgumentException("no shard " + shard);
    }
    List<AddResult> out = new ArrayList<>();
    for (int i = 0; i < nodes[shard].length; i++) {
      if (running(shard, i)) {
        out.add(nodes[shard][i].setup().pool().add(tx));
      }
    }
    return out;
  }

  /** Stops every validator and the network; closes the stores. */
  @Override
  public synchronized void close() {
    for (ShardNode[] row : nodes) {
      for (ShardNode n : row) {
        if (n != null) {
          n.stop();
        }
      }
    }
    network.close();
    for (KeyValueStore[] row : stores) {
      for (KeyValueStore s : row) {
        s.close();
      }
    }
  }
}
