package io.fugue.chain.node;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.KeyFiles;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.genesis.GenesisParser;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.state.StateView;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
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

  /**
   * Where a shard validator's {@link BeaconReplica} keeps the beacon chain, under the data
   * directory.
   */
  public static final String BEACON_DIR = "beacon";

  private static final Duration REPLICA_POLL = Duration.ofSeconds(1);

  private final GenesisConfig genesis;
  private final RocksDbKeyValueStore store;
  private final P2pHost host;
  private final ShardNode node;
  private final Optional<BeaconReplica> replica;
  private final Optional<RocksDbKeyValueStore> replicaStore;
  private boolean closed;

  private ValidatorNode(
      GenesisConfig genesis,
      RocksDbKeyValueStore store,
      P2pHost host,
      ShardNode node,
      Optional<BeaconReplica> replica,
      Optional<RocksDbKeyValueStore> replicaStore) {
    this.genesis = genesis;
    this.store = store;
    this.host = host;
    this.node = node;
    this.replica = replica;
    this.replicaStore = replicaStore;
  }

  /** Starts a validator; on any failure everything opened so far is closed again. */
  public static ValidatorNode start(ValidatorConfig config, ShardNodes.Options options) {
    return start(config, options, b -> b);
  }

  /**
   * As {@link #start(ValidatorConfig, ShardNodes.Options)}, with the p2p settings adjusted by
   * {@code p2pTuning} after the config file's (tests use a shorter gossip heartbeat).
   */
  public static ValidatorNode start(
      ValidatorConfig config,
      ShardNodes.Options options,
      UnaryOperator<P2pConfig.Builder> p2pTuning) {
    return start(config, options, p2pTuning, Optional.empty());
  }

  /**
   * As {@link #start(ValidatorConfig, ShardNodes.Options, UnaryOperator)}, with the chains' ledger
   * {@code modules}; a validator of a shard other than 0 also runs a {@link BeaconReplica} (RocksDB
   * in {@code dataDir/beacon}) whose head state the shard's modules read.
   */
  public static ValidatorNode start(
      ValidatorConfig config,
      ShardNodes.Options options,
      UnaryOperator<P2pConfig.Builder> p2pTuning,
      NodeModules modules) {
    return start(config, options, p2pTuning, Optional.of(modules));
  }

  private static ValidatorNode start(
      ValidatorConfig config,
      ShardNodes.Options options,
      UnaryOperator<P2pConfig.Builder> p2pTuning,
      Optional<NodeModules> modules) {
    Objects.requireNonNull(config, "config");
    GenesisConfig genesis = GenesisParser.load(config.genesis());
    if (config.shard() >= genesis.shardCount()) {
      throw new NodeException(
          "shard "
              + config.shard()
              + " is not in the genesis' "
              + genesis.shardCount()
              + " shards");
    }
    BlsSecretKey key = loadKey(config, genesis);
    createDirectories(config.dataDir());
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      RocksDbKeyValueStore store =
          track(
              opened,
              RocksDbKeyValueStore.open(
                  config.dataDir().resolve("chain"), RocksDbConfig.validator()));
      P2pHost host = track(opened, startHost(config, genesis, p2pTuning));
      // Fan-out: the shard node's beacon follower and the replica both listen to beacon blocks.
      ConsensusNetwork network =
          new FanOutNetwork(new P2pConsensusNetwork(host, genesis.networkId()));
      Optional<RocksDbKeyValueStore> replicaStore = Optional.empty();
      Optional<BeaconReplica> replica = Optional.empty();
      // Shard validators run a beacon replica for their modules (issuer standing) and, on a
      // network with elected committees, to know their committees.
      boolean elected =
          genesis.staking().filter(st -> st.electedFromEpoch() != StakingGenesis.NEVER).isPresent();
      if ((modules.isPresent() || elected) && config.shard() != 0) {
        replicaStore =
            Optional.of(
                track(
                    opened,
                    RocksDbKeyValueStore.open(
                        config.dataDir().resolve(BEACON_DIR), RocksDbConfig.validator())));
        replica =
            Optional.of(
                track(
                    opened,
                    BeaconReplica.open(
                        genesis,
                        replicaStore.get(),
                        modules.map(NodeModules::beacon).orElse(ShardNodes.builtIns(genesis, 0)),
                        network,
                        options.syncLimits(),
                        REPLICA_POLL,
                        Clock.systemUTC())));
      }
      Optional<Supplier<StateView>> beaconState = replica.map(r -> r.chain()::headState);
      ShardNode node =
          ShardNodes.open(
              genesis,
              config.shard(),
              BlsSignatureScheme.signer(key),
              new BlsSignatureScheme(),
              store,
              network,
              effectiveOptions(config, options),
              Clock.systemUTC(),
              shardModules(genesis, config.shard(), modules, replica),
              beaconState);
      node.start();
      replica.ifPresent(BeaconReplica::start);
      return new ValidatorNode(genesis, store, host, node, replica, replicaStore);
    } catch (RuntimeException e) {
      // Newest first: the replica stops before the host and the stores close.
      opened.forEach(ValidatorNode::closeQuietly);
      throw e;
    }
  }

  private static P2pHost startHost(
      ValidatorConfig config, GenesisConfig genesis, UnaryOperator<P2pConfig.Builder> p2pTuning) {
    P2pHost host =
        P2pHost.start(
            p2pTuning
                .apply(
                    P2pConfig.builder()
                        .network(genesis.networkId())
                        .listen(config.listen().toArray(String[]::new))
                        .bootnodes(config.bootnodes())
                        .keyPath(config.dataDir().resolve("node.key")))
                .build());
    LOG.info(
        "validator of network {} shard {} listening on {}",
        genesis.networkId(),
        config.shard(),
        host.dialableAddress());
    return host;
  }

  private static ModuleRegistry shardModules(
      GenesisConfig genesis,
      int shard,
      Optional<NodeModules> modules,
      Optional<BeaconReplica> replica) {
    if (modules.isEmpty()) {
      return ShardNodes.builtIns(genesis, shard);
    }
    if (shard == 0) {
      return modules.get().beacon();
    }
    Blockchain beacon = replica.orElseThrow().chain();
    return modules.get().shard(shard, beacon::headState);
  }

  private static <T extends AutoCloseable> T track(Deque<AutoCloseable> opened, T resource) {
    opened.push(resource);
    return resource;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {} after a failed start failed", c, e);
    }
  }

  /**
   * Completes when this node's shard stopped: empty after {@link #close}, with the cause when it
   * failed (for example a finalized block its store refused); a supervisor should then exit
   * non-zero.
   */
  public CompletionStage<Optional<Throwable>> terminated() {
    return node.terminated();
  }

  public ShardNode shardNode() {
    return node;
  }

  public GenesisConfig genesis() {
    return genesis;
  }

  /**
   * The beacon chain this node follows, on validators of shards other than 0 started with modules.
   */
  public Optional<BeaconReplica> beaconReplica() {
    return replica;
  }

  /** This node's libp2p host (peer id, listen addresses, peers, metrics). */
  public P2pHost p2pHost() {
    return host;
  }

  /** The libp2p address other nodes can use as a bootnode. */
  public String dialableAddress() {
    return host.dialableAddress();
  }

  /** Stops the replica, then consensus and the p2p host, then closes the stores. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    replica.ifPresent(BeaconReplica::close);
    node.stop();
    host.close();
    replicaStore.ifPresent(RocksDbKeyValueStore::close);
    store.close();
  }

  /** The config file's consensus timings, if it has any, override those of {@code options}. */
  static ShardNodes.Options effectiveOptions(ValidatorConfig config, ShardNodes.Options options) {
    return config
        .consensus()
        .map(
            t ->
                options.withTimings(
                    t.applyTo(options.timings().orElse(ConsensusConfig.defaults()))))
        .orElse(options);
  }

  static BlsSecretKey loadKey(ValidatorConfig config, GenesisConfig genesis) {
    if (config.key() instanceof ValidatorConfig.DevnetKeySource d) {
      DevnetGenesis.Devnet devnet =
          DevnetGenesis.generate(
              new DevnetGenesis.Spec(
                  d.seed(), genesis.shardCount(), d.validatorsPerShard(), 0, 0, RateLimits.none()));
      return devnet.validators().get(config.shard()).get(d.index());
    }
    ValidatorConfig.KeyFileSource f = (ValidatorConfig.KeyFileSource) config.key();
    char[] password = null;
    try {
      password =
          new String(Files.readAllBytes(f.passwordFile()), StandardCharsets.UTF_8)
              .strip()
              .toCharArray();
      return KeyFile.decryptBls(KeyFiles.read(f.file()), password);
    } catch (IOException e) {
      throw new NodeException(
          "cannot read password file " + f.passwordFile() + ": " + e.getMessage(), e);
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
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "fugue-shutdown"));
    stopped.await();
  }
}
