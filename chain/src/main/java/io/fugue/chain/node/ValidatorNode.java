package io.fugue.chain.node;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.KeyFileStore;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.genesis.GenesisParser;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validator process: from a {@link ValidatorConfig} it opens RocksDB in {@code dataDir/chain},
 * loads the genesis and the BLS key, starts a libp2p host (identity in {@code dataDir/node.key})
 * and runs a {@link ShardNode} for the configured shard. {@link #main} is the CLI entry point:
 * {@code ValidatorNode <config.json>}; it runs until the JVM is asked to stop.
 */
public final class ValidatorNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ValidatorNode.class);

  private final RocksDbKeyValueStore store;
  private final P2pHost host;
  private final ShardNode node;

  private ValidatorNode(RocksDbKeyValueStore store, P2pHost host, ShardNode node) {
    this.store = store;
    this.host = host;
    this.node = node;
  }

  /** Starts a validator; on any failure everything opened so far is closed again. */
  public static ValidatorNode start(ValidatorConfig config, ShardNodes.Options options) {
    return start(config, options, b -> b);
  }

  /**
   * As {@link #start(ValidatorConfig, ShardNodes.Options)}, with the p2p settings adjusted by
   * {@code p2pTuning} after the config file's (tests use a shorter gossip heartbeat).
   */
  public static ValidatorNode start(ValidatorConfig config, ShardNodes.Options options,
      UnaryOperator<P2pConfig.Builder> p2pTuning) {
    Objects.requireNonNull(config, "config");
    GenesisConfig genesis = GenesisParser.load(config.genesis());
    BlsSecretKey key = loadKey(config, genesis);
    createDirectories(config.dataDir());
    RocksDbKeyValueStore store = RocksDbKeyValueStore.open(config.dataDir().resolve("chain"), RocksDbConfig.defaults());
    P2pHost host = null;
    try {
      host = P2pHost.start(p2pTuning.apply(P2pConfig.builder().network(genesis.networkId())
          .listen(config.listen().toArray(String[]::new)).bootnodes(config.bootnodes())
          .keyPath(config.dataDir().resolve("node.key"))).build());
      LOG.info("validator of network {} shard {} listening on {}", genesis.networkId(), config.shard(),
          host.dialableAddress());
      ShardNode node = ShardNodes.open(genesis, config.shard(), key, store,
          new P2pConsensusNetwork(host, genesis.networkId()), effectiveOptions(config, options), Clock.systemUTC());
      node.start();
      return new ValidatorNode(store, host, node);
    } catch (RuntimeException e) {
      if (host != null) {
        host.close();
      }
      store.close();
      throw e;
    }
  }

  public ShardNode shardNode() {
    return node;
  }

  /** The libp2p address other nodes can use as a bootnode. */
  public String dialableAddress() {
    return host.dialableAddress();
  }

  @Override
  public void close() {
    node.stop();
    host.close();
    store.close();
  }

  /** The config file's consensus timings, if it has any, override those of {@code options}. */
  static ShardNodes.Options effectiveOptions(ValidatorConfig config, ShardNodes.Options options) {
    return config.consensus()
        .map(t -> options.withTimings(t.applyTo(options.timings().orElse(ConsensusConfig.defaults()))))
        .orElse(options);
  }

  static BlsSecretKey loadKey(ValidatorConfig config, GenesisConfig genesis) {
    if (config.key() instanceof ValidatorConfig.DevnetKeySource d) {
      DevnetGenesis.Devnet devnet = DevnetGenesis.generate(new DevnetGenesis.Spec(d.seed(), genesis.shardCount(),
          d.validatorsPerShard(), 0, 0, RateLimits.none()));
      return devnet.validators().get(config.shard()).get(d.index());
    }
    ValidatorConfig.KeyFileSource f = (ValidatorConfig.KeyFileSource) config.key();
    char[] password = null;
    try {
      password = new String(Files.readAllBytes(f.passwordFile()), StandardCharsets.UTF_8).strip().toCharArray();
      return KeyFile.decryptBls(KeyFileStore.read(f.file()), password);
    } catch (IOException e) {
      throw new NodeException("cannot read password file " + f.passwordFile() + ": " + e.getMessage(), e);
    } catch (ChainException e) {
      throw new NodeException("cannot load validator key " + f.file() + ": " + e.getMessage(), e);
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new NodeException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** {@code ValidatorNode <config.json>}: runs a validator until the JVM is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: ValidatorNode <validator-config.json>");
      System.exit(2);
    }
    ValidatorNode node;
    try {
      node = start(ValidatorConfig.load(Path.of(args[0])), ShardNodes.Options.defaults());
    } catch (ChainException e) {
      System.err.println("cannot start validator: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "fugue-shutdown"));
    stopped.await();
  }
}
