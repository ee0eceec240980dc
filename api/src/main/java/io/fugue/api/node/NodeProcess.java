package io.fugue.api.node;

import io.fugue.api.ApiConfig;
import io.fugue.api.ApiLimits;
import io.fugue.api.server.ApiServer;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.genesis.GenesisParser;
import io.fugue.chain.node.BeaconReplica;
import io.fugue.chain.node.ShardNode;
import io.fugue.chain.node.ShardNodes;
import io.fugue.chain.node.ValidatorConfig;
import io.fugue.chain.node.ValidatorNode;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import io.fugue.datasharing.attestation.BeaconIssuerDirectory;
import io.fugue.datasharing.registry.GovernanceConfig;
import io.fugue.datasharing.services.DataSharingServices;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code fugue node --config FILE} runs: one validator of its shard with the data-sharing
 * ledger modules ({@link DataSharingModules}; a validator of a shard other than 0 follows the
 * beacon chain with a {@link BeaconReplica}), and, when the config has an {@code api} section, the
 * HTTP API over the chains it holds (its shard, and the beacon chain: its own or the replica), with
 * the node-side data-sharing services (vault, queries, audit) on their own RocksDB in {@code
 * dataDir/node} and the vault key in {@code dataDir/vault.key}. {@link #close} stops the API, the
 * validator (replica, consensus, p2p, chain stores), then the services' store.
 */
public final class NodeProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeProcess.class);

  /** The services' database, under the data directory. */
  public static final String SERVICES_DIR = "node";

  /**
   * @param node consensus timings and bounds
   * @param p2pTuning adjusts the p2p settings after the config file's (tests: a shorter heartbeat)
   * @param vaultKeyScrypt the cost of the vault key file's encryption when it is created
   * @param apiLimits the API's body size and rate limits
   */
  public record Options(
      ShardNodes.Options node,
      UnaryOperator<P2pConfig.Builder> p2pTuning,
      KeyFile.ScryptParams vaultKeyScrypt,
      ApiLimits apiLimits) {
    public Options {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(p2pTuning, "p2pTuning");
      Objects.requireNonNull(vaultKeyScrypt, "vaultKeyScrypt");
      Objects.requireNonNull(apiLimits, "apiLimits");
    }

    public static Options defaults() {
      return new Options(
          ShardNodes.Options.defaults(),
          b -> b,
          KeyFile.ScryptParams.defaults(),
          ApiLimits.defaults());
    }
  }

  private final ValidatorNode validator;
  private KeyValueStore servicesStore;
  private Vertx vertx;
  private ApiServer api;
  private String apiHost;

  private NodeProcess(ValidatorNode validator) {
    this.validator = validator;
  }

  /**
   * Starts the validator and, if configured, the API; on failure closes what it opened and throws.
   */
  public static NodeProcess start(ValidatorConfig config, Options options, Clock clock) {
    Objects.requireNonNull(config, "config");
    GenesisConfig genesis = GenesisParser.load(config.genesis());
    DataSharingModules modules = DataSharingModules.of(genesis);
    NodeProcess p =
        new NodeProcess(ValidatorNode.start(config, options.node(), options.p2pTuning(), modules));
    try {
      config.api().ifPresent(a -> p.startApi(config, a, modules.governance(), options, clock));
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void startApi(
      ValidatorConfig config,
      ValidatorConfig.ApiSection section,
      GovernanceConfig governance,
      Options options,
      Clock clock) {
    ShardChains chains = chains(validator);
    servicesStore =
        RocksDbKeyValueStore.open(
            config.dataDir().resolve(SERVICES_DIR), RocksDbConfig.validator());
    char[] password = VaultKeyFile.password(config);
    Secp256k1PrivateKey vaultKey;
    try {
      vaultKey =
          VaultKeyFile.loadOrCreate(
              config.dataDir().resolve(VaultKeyFile.FILE), password, options.vaultKeyScrypt());
    } finally {
      Arrays.fill(password, '\0');
    }
    DataSharingReads reads = new DataSharingReads(chains, clock);
    DataSharingServices services =
        DataSharingServices.create(
            servicesStore,
            vaultKey,
            reads,
            new BeaconIssuerDirectory(() -> chains.beacon().headState()),
            clock);
    var network = validator.shardNode().setup().network();
    vertx = Vertx.vertx();
    apiHost = section.host();
    api =
        new ApiServer(
            ApiConfig.builder()
                .host(section.host())
                .port(section.port())
                .limits(options.apiLimits())
                .build(),
            NodePorts.create(
                chains,
                services,
                reads,
                governance,
                Set.copyOf(section.operators()),
                () -> network.peers().size(),
                new FinalizedReadiness(chains, Set.of(validator.shardNode().shard())),
                validator.genesis().staking()),
            clock);
    Await.done(
        vertx.deployVerticle(api).toCompletionStage().toCompletableFuture(), "the API to start");
    P2pMeters.bind(api.meterRegistry(), validator.p2pHost());
    LOG.info(
        "API of shard {} node on http://{}:{} (shards {})",
        validator.shardNode().shard(),
        section.host(),
        api.actualPort(),
        chains.shards());
  }

  /** The shards a node holds: its own (submission through its node) and the beacon chain. */
  static ShardChains chains(ValidatorNode validator) {
    ShardNode node = validator.shardNode();
    Map<Integer, ShardChains.Held> held = new TreeMap<>();
    held.put(
        node.shard(),
        new ShardChains.Held(node.setup().chain(), Optional.of(ShardChains.through(node))));
    validator
        .beaconReplica()
        .ifPresent(r -> held.put(0, new ShardChains.Held(r.chain(), Optional.empty())));
    return new ShardChains(held);
  }

  public ValidatorNode validator() {
    return validator;
  }

  /** The API's host, if it serves one. */
  public Optional<String> apiHost() {
    return Optional.ofNullable(api).map(a -> apiHost);
  }

  /** The API's bound port, if it serves one. */
  public Optional<Integer> apiPort() {
    return Optional.ofNullable(api).map(ApiServer::actualPort);
  }

  /** The chain of the beacon state this node reads: its own on shard 0, else its replica's. */
  public Blockchain beaconChain() {
    return validator
        .beaconReplica()
        .map(BeaconReplica::chain)
        .orElse(validator.shardNode().setup().chain());
  }

  /** Stops the API, then the validator, then closes the services' store. Idempotent. */
  @Override
  public synchronized void close() {
    if (vertx != null) {
      try {
        Await.done(vertx.close().toCompletionStage().toCompletableFuture(), "the API to stop");
      } catch (RuntimeException e) {
        LOG.warn("stopping the API failed", e);
      }
      vertx = null;
    }
    validator.close();
    if (servicesStore != null) {
      servicesStore.close();
      servicesStore = null;
    }
  }
}
