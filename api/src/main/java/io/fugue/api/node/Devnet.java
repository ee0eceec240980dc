package io.fugue.api.node;

import io.fugue.api.ApiConfig;
import io.fugue.api.ApiLimits;
import io.fugue.api.server.ApiServer;
import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.GenesisState;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.node.ShardNode;
import io.fugue.chain.node.ShardNodeSetup;
import io.fugue.chain.node.ShardNodes;
import io.fugue.chain.node.SyncLimits;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import io.fugue.chain.txpool.TxPool;
import io.fugue.chain.txpool.TxPoolConfig;
import io.fugue.datasharing.attestation.AttestationModule;
import io.fugue.datasharing.attestation.BeaconIssuerDirectory;
import io.fugue.datasharing.services.DataSharingServices;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole devnet in one JVM: the beacon chain and two shards, four FBFT validators each, every
 * validator on its own RocksDB under the data directory, the data-sharing modules in every chain
 * (registry on the beacon chain, attestations on the shards), the node-side data-sharing services
 * on their own store, and the HTTP API over validator 0 of each shard. A second start on the same
 * directory resumes the same chain: the genesis and keys come from {@link DevnetLayout}'s seed.
 */
public final class Devnet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);

  /**
   * @param dataDir where every store lives
   * @param apiPort the API's port on 127.0.0.1 (0 = any free port)
   * @param blockIntervalMillis target block interval
   * @param apiLimits the API's body size and rate limits
   * @param idleBlockIntervalMillis the empty-block policy: while its pool is empty a leader waits
   *     up to this long after the parent (0 = a block every block interval); at most the block
   *     interval + half the phase timeout ({@code 2 * blockIntervalMillis + 2000})
   */
  public record Options(
      Path dataDir,
      int apiPort,
      long blockIntervalMillis,
      ApiLimits apiLimits,
      long idleBlockIntervalMillis) {
    public Options(Path dataDir, int apiPort, long blockIntervalMillis) {
      this(dataDir, apiPort, blockIntervalMillis, ApiLimits.defaults());
    }

    /** The devnet's default empty-block policy: {@link #defaultIdleInterval}. */
    public Options(Path dataDir, int apiPort, long blockIntervalMillis, ApiLimits apiLimits) {
      this(
          dataDir,
          apiPort,
          blockIntervalMillis,
          apiLimits,
          defaultIdleInterval(blockIntervalMillis));
    }

    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(apiLimits, "apiLimits");
      if (apiPort < 0
          || apiPort > 65_535
          || blockIntervalMillis < 100
          || idleBlockIntervalMillis < 0) {
        throw new IllegalArgumentException("invalid devnet options");
      }
    }

    /**
     * The longest the empty-block policy allows for the devnet's timings: block interval + half the
     * phase timeout ({@code 2 * blockIntervalMillis + 1000}; 3 s for the 1 s devnet), which leaves
     * validators half a phase timeout before their view timeout.
     */
    public static long defaultIdleInterval(long blockIntervalMillis) {
      return blockIntervalMillis + (2 * blockIntervalMillis + 2_000) / 2;
    }
  }

  private final DevnetLayout layout = new DevnetLayout();
  private final List<KeyValueStore> stores = new ArrayList<>();
  private final List<ShardNode> nodes = new ArrayList<>();
  private final ValidatorNetworks networks;
  private final Clock clock;
  private final long startedNanos = System.nanoTime();
  private ShardChains chains;
  private KeyValueStore nodeStore;
  private Vertx vertx;
  private ApiServer api;

  private Devnet(ValidatorNetworks networks, Clock clock) {
    this.networks = networks;
    this.clock = clock;
  }

  /** Opens every store, starts the 12 validators and the API; closes what it opened on failure. */
  public static Devnet start(Options options, ValidatorNetworks networks, Clock clock) {
    Devnet d = new Devnet(networks, clock);
    try {
      d.open(options);
      return d;
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  private void open(Options o) {
    layout.writeGenesis(o.dataDir());
    GenesisConfig genesis = layout.genesis();
    List<Blockchain> replicas = new ArrayList<>();
    Map<Integer, ShardChains.Held> held = new TreeMap<>();
    // The same beacon modules as a `fugue node` of this genesis, or their state roots differ.
    ModuleRegistry beaconModules = DataSharingModules.of(genesis).beacon();
    for (int s = 0; s < DevnetLayout.SHARDS; s++) {
      ModuleRegistry modules = s == 0 ? beaconModules : shardModules(replicas.get(0));
      for (int i = 0; i < DevnetLayout.VALIDATORS_PER_SHARD; i++) {
        KeyValueStore store =
            track(
                RocksDbKeyValueStore.open(
                    DevnetLayout.validatorDir(o.dataDir(), s, i), RocksDbConfig.devnet()));
        ShardNode node =
            openValidator(
                genesis,
                s,
                layout.devnet().validators().get(s).get(i),
                store,
                modules,
                o.blockIntervalMillis(),
                o.idleBlockIntervalMillis());
        nodes.add(node);
        if (i == 0) {
          // The API reads validator 0's chain and submits through it; gossip carries a
          // transaction to the shard's other validators.
          replicas.add(node.setup().chain());
          held.put(
              s,
              new ShardChains.Held(node.setup().chain(), Optional.of(ShardChains.through(node))));
        }
      }
    }
    chains = new ShardChains(held);
    nodeStore =
        track(RocksDbKeyValueStore.open(DevnetLayout.nodeDir(o.dataDir()), RocksDbConfig.devnet()));
    DataSharingReads reads = new DataSharingReads(chains, clock);
    DataSharingServices services =
        DataSharingServices.create(
            nodeStore,
            layout.vaultKey(),
            reads,
            new BeaconIssuerDirectory(() -> chains.beacon().headState()),
            clock);
    nodes.forEach(ShardNode::start);
    startApi(
        o,
        NodePorts.create(
            chains,
            services,
            reads,
            layout.governance(),
            Set.of(layout.account(0)),
            () -> nodes.get(0).setup().network().peers().size(),
            genesis.staking()));
    LOG.info(
        "devnet started: {} validators, {}, data in {}",
        nodes.size(),
        networks.describe(),
        o.dataDir());
  }

  private ModuleRegistry shardModules(Blockchain beacon) {
    // The devnet's shard validators read issuer standing from the co-located beacon replica.
    return ModuleRegistry.builder()
        .register(new AttestationModule(new BeaconIssuerDirectory(beacon::headState)))
        .build();
  }

  private ShardNode openValidator(
      GenesisConfig genesis,
      int shard,
      BlsSecretKey key,
      KeyValueStore store,
      ModuleRegistry modules,
      long interval,
      long idleInterval) {
    Committee committee = ShardNodes.committee(genesis, shard);
    CommitteeSource committees = CommitteeSource.fixed(committee);
    GenesisState g = Genesis.forShard(genesis, ShardId.of(shard));
    Blockchain chain =
        Blockchain.open(
            store,
            genesis.chainConfig(),
            g,
            modules,
            ShardNodes.rewards(genesis, shard, committees),
            clock);
    TxPool pool = TxPool.following(chain, TxPoolConfig.defaults(), modules, clock);
    ConsensusConfig consensus =
        ConsensusConfig.defaults()
            .withTimings(interval, 2 * interval + 2_000, 2 * interval + 2_000, 300_000)
            .withShard(shard)
            .withBlocksPerLeader(genesis.leaderRotationBlocks());
    return new ShardNode(
        new ShardNodeSetup(
            consensus,
            committees,
            Optional.of(CommitteeSource.fixed(ShardNodes.committee(genesis, 0))),
            BlsSignatureScheme.signer(key),
            new BlsSignatureScheme(),
            chain,
            pool,
            store,
            networks.endpoint(shard, nodes.size() % DevnetLayout.VALIDATORS_PER_SHARD),
            g.block().hash().toBytes(),
            clock,
            SyncLimits.defaults(),
            10_000,
            idleInterval));
  }

  private void startApi(Options o, io.fugue.api.port.ApiPorts ports) {
    vertx = Vertx.vertx();
    api =
        new ApiServer(
            ApiConfig.builder().host("127.0.0.1").port(o.apiPort()).limits(o.apiLimits()).build(),
            ports,
            clock);
    Await.done(
        vertx.deployVerticle(api).toCompletionStage().toCompletableFuture(), "the API to start");
  }

  private KeyValueStore track(KeyValueStore store) {
    stores.add(store);
    return store;
  }

  public int apiPort() {
    return api.actualPort();
  }

  public DevnetLayout layout() {
    return layout;
  }

  public ShardChains chains() {
    return chains;
  }

  public List<ShardNode> validators() {
    return List.copyOf(nodes);
  }

  /** Whether every shard has a block past genesis. */
  public boolean allShardsFinalized() {
    for (int s = 0; s < chains.count(); s++) {
      if (chains.chain(s).head().number() < 1) {
        return false;
      }
    }
    return true;
  }

  /** Waits until every shard has finalized a block; returns the time since start. */
  public Duration awaitFirstBlocks(Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!allShardsFinalized()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("not every shard finalized a block within " + deadline);
      }
      Thread.sleep(50);
    }
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** Stops the API, then the validators, then the network, then closes every store. Idempotent. */
  @Override
  public synchronized void close() {
    if (vertx != null) {
      Await.done(vertx.close().toCompletionStage().toCompletableFuture(), "the API to stop");
      vertx = null;
    }
    nodes.forEach(ShardNode::stop);
    networks.close();
    for (KeyValueStore s : stores) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a store failed", e);
      }
    }
    stores.clear();
  }
}
