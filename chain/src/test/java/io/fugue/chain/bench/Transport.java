package io.fugue.chain.bench;

import io.fugue.chain.node.ConsensusNetwork;
import io.fugue.chain.node.InMemoryNetwork;
import io.fugue.chain.node.P2pConsensusNetwork;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a benchmark's validators talk and store: all in memory, or each validator with its own
 * libp2p host on 127.0.0.1 (joined through a bootnode) and its own RocksDB directory, as a real
 * validator runs. Closing it closes the stores and the bootnode; the nodes close their endpoints.
 */
abstract class Transport implements AutoCloseable {

  static Transport create(String kind, String networkId) {
    return switch (kind) {
      case "memory" -> new Memory();
      case "libp2p" -> new Loopback(networkId);
      default ->
          throw new IllegalArgumentException(
              "bench.transport must be memory or libp2p, not " + kind);
    };
  }

  abstract KeyValueStore store(int validator);

  abstract ConsensusNetwork endpoint(int validator);

  /** Blocks until every endpoint sees its peers (no-op in memory). */
  void awaitConnected(int validators) throws InterruptedException {}

  /** Gossipsub needs a few heartbeats to build its mesh once peers are connected. */
  long extraWarmupMillis() {
    return 0;
  }

  @Override
  public abstract void close();

  private static final class Memory extends Transport {
    private final InMemoryNetwork net = new InMemoryNetwork();

    @Override
    KeyValueStore store(int validator) {
      return new InMemoryKeyValueStore();
    }

    @Override
    ConsensusNetwork endpoint(int validator) {
      return net.endpoint("v" + validator);
    }

    @Override
    public void close() {
      net.close();
    }
  }

  private static final class Loopback extends Transport {
    private final String networkId;
    private final Path dir;
    private final P2pHost boot;
    private final List<RocksDbKeyValueStore> stores = new ArrayList<>();
    private final List<P2pHost> hosts = new ArrayList<>();

    Loopback(String networkId) {
      this.networkId = networkId;
      try {
        this.dir = Files.createTempDirectory("fugue-consensus-bench");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.boot = P2pHost.start(tune(P2pConfig.builder().network(networkId).asBootnode()).build());
    }

    private static P2pConfig.Builder tune(P2pConfig.Builder b) {
      return b.listen("/ip4/127.0.0.1/tcp/0")
          .heartbeat(Duration.ofMillis(100))
          .bootstrapInterval(Duration.ofMillis(500))
          .workerThreads(1);
    }

    @Override
    KeyValueStore store(int validator) {
      RocksDbKeyValueStore s =
          RocksDbKeyValueStore.open(dir.resolve("v" + validator), RocksDbConfig.defaults());
      stores.add(s);
      return s;
    }

    @Override
    ConsensusNetwork endpoint(int validator) {
      P2pHost host =
          P2pHost.start(
              tune(P2pConfig.builder()
                      .network(networkId)
                      .bootnode(boot.dialableAddress())
                      .keyPath(dir.resolve("v" + validator + ".key")))
                  .build());
      hosts.add(host);
      return new P2pConsensusNetwork(host, networkId);
    }

    @Override
    void awaitConnected(int validators) throws InterruptedException {
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      // Each validator connects to the bootnode and, through Kademlia, to the others.
      while (hosts.stream().anyMatch(h -> h.connectedPeers().size() < validators)) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException("validators did not all connect within 60 s");
        }
        Thread.sleep(50);
      }
    }

    @Override
    long extraWarmupMillis() {
      return 2_000;
    }

    @Override
    public void close() {
      stores.forEach(RocksDbKeyValueStore::close);
      boot.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
