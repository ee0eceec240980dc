package io.fugue.chain.node;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.ConsensusSigner;
import io.fugue.chain.consensus.SignatureScheme;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.GenesisState;
import io.fugue.chain.execution.RewardRecipients;
import io.fugue.chain.execution.ShardStateRule;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingModule;
import io.fugue.chain.staking.StakingState;
import io.fugue.chain.state.StateView;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.txpool.TxPool;
import io.fugue.chain.txpool.TxPoolConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Builds a {@link ShardNode} from a network's genesis: the shard's chain on {@code store} (with the
 * signer-reward rule), a txpool following it, the genesis committee with equal voting power, the
 * beacon committee to follow, leader rotation every K blocks seeded by the shard's genesis hash,
 * and BLS signatures. The entry point for {@link ValidatorNode} and the one-JVM devnet.
 */
public final class ShardNodes {
  private ShardNodes() {}

  /**
   * Timings and bounds a node uses; consensus timings default from the genesis block time.
   *
   * @param timings consensus timings (blockInterval, timeouts); empty = derived from genesis
   * @param idleBlockIntervalMillis the empty-block policy ({@link ShardNodeSetup}); 0 = off
   */
  public record Options(
      Optional<ConsensusConfig> timings,
      SyncLimits syncLimits,
      int maxTransactionsPerBlock,
      TxPoolConfig txPool,
      long idleBlockIntervalMillis) {
    public Options(
        Optional<ConsensusConfig> timings,
        SyncLimits syncLimits,
        int maxTransactionsPerBlock,
        TxPoolConfig txPool) {
      this(timings, syncLimits, maxTransactionsPerBlock, txPool, 0);
    }

    public Options {
      Objects.requireNonNull(timings, "timings");
      Objects.requireNonNull(syncLimits, "syncLimits");
      Objects.requireNonNull(txPool, "txPool");
    }

    public static Options defaults() {
      return new Options(Optional.empty(), SyncLimits.defaults(), 10_000, TxPoolConfig.defaults());
    }

    public Options withTimings(ConsensusConfig value) {
      return new Options(
          Optional.of(value), syncLimits, maxTransactionsPerBlock, txPool, idleBlockIntervalMillis);
    }

    /** These options with the empty-block policy's idle interval (0 = off). */
    public Options withIdleBlockInterval(long millis) {
      return new Options(timings, syncLimits, maxTransactionsPerBlock, txPool, millis);
    }
  }

  /** The genesis committee of {@code shard}, equal voting power. */
  public static Committee committee(GenesisConfig genesis, int shard) {
    List<BlsPublicKey> keys = genesis.shard(ShardId.of(shard)).committee();
    return Committee.equalPower(keys.stream().map(k -> new ValidatorKey(k.toBytes())).toList());
  }

  /** Opens the chain of {@code shard} on {@code store} and a node on it (not started). */
  public static ShardNode open(
      GenesisConfig genesis,
      int shard,
      BlsSecretKey key,
      KeyValueStore store,
      ConsensusNetwork network,
      Options options,
      Clock clock) {
    return open(
        genesis,
        shard,
        BlsSignatureScheme.signer(key),
        new BlsSignatureScheme(),
        store,
        network,
        options,
        clock);
  }

  /**
   * As above with the chain's ledger {@code modules} (the built-ins plus e.g. the data-sharing
   * ones).
   */
  public static ShardNode open(
      GenesisConfig genesis,
      int shard,
      BlsSecretKey key,
      KeyValueStore store,
      ConsensusNetwork network,
      Options options,
      Clock clock,
      ModuleRegistry modules) {
    return open(
        genesis,
        shard,
        BlsSignatureScheme.signer(key),
        new BlsSignatureScheme(),
        store,
        network,
        options,
        clock,
        modules);
  }

  /** As above with a given signer and scheme (benchmarks wrap them to time BLS operations). */
  public static ShardNode open(
      GenesisConfig genesis,
      int shard,
      ConsensusSigner signer,
      SignatureScheme scheme,
      KeyValueStore store,
      ConsensusNetwork network,
      Options options,
      Clock clock) {
    return open(
        genesis, shard, signer, scheme, store, network, options, clock, builtIns(genesis, shard));
  }

  /**
   * The chain's own modules on {@code shard}: transfers everywhere, and staking on the beacon chain
   * of a genesis with a {@code staking} section.
   */
  public static ModuleRegistry builtIns(GenesisConfig genesis, int shard) {
    ModuleRegistry.Builder b = ModuleRegistry.builder();
    if (shard == 0) {
      genesis.staking().ifPresent(st -> b.registerSystem(StakingModule.of(st)));
    }
    return b.build();
  }

  /**
   * The reward rule of {@code shard}'s chain: on a staking network's beacon chain the staking
   * module's pool (distributed to commissions and delegators), elsewhere the signers' accounts.
   */
  public static RewardRecipients rewards(
      GenesisConfig genesis, int shard, CommitteeSource committees) {
    return shard == 0 && genesis.staking().isPresent()
        ? StakingModule.REWARDS_TO_POOL
        : new SignerRewards(committees);
  }

  /**
   * Refuses beacon modules that differ from the genesis on staking: without the staking module a
   * staking network's beacon blocks would execute to other state roots (and the other way round).
   */
  static void requireStakingAsGenesis(GenesisConfig genesis, ModuleRegistry beaconModules) {
    boolean registered =
        beaconModules.modules().stream().anyMatch(m -> m.id().equals(StakingState.MODULE));
    if (registered != genesis.staking().isPresent()) {
      throw new NodeException(
          registered
              ? "the beacon modules include staking but the genesis has no 'staking' section"
              : "the genesis has a 'staking' section but the beacon modules lack the staking"
                  + " module (register it with ModuleRegistry.Builder.registerSystem)");
    }
  }

  /** As above with the chain's ledger {@code modules}. */
  public static ShardNode open(
      GenesisConfig genesis,
      int shard,
      ConsensusSigner signer,
      SignatureScheme scheme,
      KeyValueStore store,
      ConsensusNetwork network,
      Options options,
      Clock clock,
      ModuleRegistry modules) {
    return open(
        genesis, shard, signer, scheme, store, network, options, clock, modules, Optional.empty());
  }

  /**
   * As above; {@code beaconState} is the beacon chain's head state as this node holds it (its
   * replica), which a shard other than 0 of a network with elected committees needs to know its
   * committees. On such a network a key without a seat may start: it follows the shard and votes
   * from the first epoch that seats it.
   */
  public static ShardNode open(
      GenesisConfig genesis,
      int shard,
      ConsensusSigner signer,
      SignatureScheme scheme,
      KeyValueStore store,
      ConsensusNetwork network,
      Options options,
      Clock clock,
      ModuleRegistry modules,
      Optional<Supplier<StateView>> beaconState) {
    if (shard == 0) {
      requireStakingAsGenesis(genesis, modules);
    }
    Committee committee = committee(genesis, shard);
    AtomicReference<Blockchain> chainRef = new AtomicReference<>();
    if (shard != 0
        && beaconState.isEmpty()
        && genesis
            .staking()
            .filter(st -> st.electedFromEpoch() != StakingGenesis.NEVER)
            .isPresent()) {
      throw new NodeException(
          "shard "
              + shard
              + " of a network with elected committees needs the beacon chain's state (run a"
              + " beacon replica)");
    }
    Optional<ElectedCommittees> elected =
        shard == 0
            ? ElectedCommittees.of(genesis, () -> chainRef.get().headState())
            : beaconState.flatMap(b -> ElectedCommittees.of(genesis, b));
    CommitteeSource committees =
        elected
            .map(
                e ->
                    shard == 0
                        ? e.beacon()
                        : e.shard(
                            shard,
                            n -> chainRef.get().block(n).map(Block::header),
                            () -> chainRef.get().head()))
            .orElse(CommitteeSource.fixed(committee));
    ValidatorKey self = signer.publicKey();
    if (elected.isEmpty() && committee.indexOf(self).isEmpty()) {
      throw new NodeException(
          "key " + self.shortHex() + " is not in the committee of shard " + shard);
    }

    ConsensusConfig base =
        options
            .timings()
            .orElseGet(
                () ->
                    ConsensusConfig.defaults()
                        .withTimings(
                            genesis.blockTimeMillis(),
                            2 * genesis.blockTimeMillis() + 2_000,
                            2 * genesis.blockTimeMillis() + 2_000,
                            300_000));
    ConsensusConfig consensus =
        base.withShard(shard).withBlocksPerLeader(genesis.leaderRotationBlocks());
    // Two block intervals: time enough for the other validators' beacon chains to hold a new state.
    ShardStateRule rule =
        elected
            .filter(e -> shard != 0)
            .map(e -> e.shardRule(shard, Duration.ofMillis(2 * consensus.blockIntervalMillis())))
            .orElse(ShardStateRule.COMPUTED);
    GenesisState g = Genesis.forShard(genesis, ShardId.of(shard));
    Blockchain chain =
        Blockchain.open(
            store,
            genesis.chainConfig(),
            g,
            modules,
            rewards(genesis, shard, committees),
            rule,
            clock);
    chainRef.set(chain);
    TxPool pool = TxPool.following(chain, options.txPool(), modules, clock);
    return new ShardNode(
        new ShardNodeSetup(
            consensus,
            committees,
            Optional.of(
                elected
                    .map(ElectedCommittees::beacon)
                    .orElse(CommitteeSource.fixed(committee(genesis, 0)))),
            signer,
            scheme,
            chain,
            pool,
            store,
            network,
            g.block().hash().toBytes(),
            clock,
            options.syncLimits(),
            options.maxTransactionsPerBlock(),
            options.idleBlockIntervalMillis()));
  }
}
