package io.fugue.chain.node;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.SignatureScheme;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.service.Driver;
import io.fugue.chain.service.Service;
import io.fugue.chain.storage.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-voting follower of the beacon chain for a node of another shard: a full beacon {@link
 * Blockchain} on its own store, kept up to date over the node's p2p endpoint. Beacon BLOCKS
 * announcements are checked by a {@link BeaconFollower} (a commit quorum of the beacon committee
 * for exactly that header); an accepted one that is ahead of the replica, and a poll every {@code
 * pollInterval}, start block sync ({@link BlockSyncer}: every block's commit proof verified against
 * the beacon committee before it is handed on). Blocks are imported in order, each fully
 * re-executed, its commit proof stored first, so a restart resumes from the store. One driver
 * thread imports; network threads only check and enqueue. Lifecycle of a {@link Service}; it does
 * not own the endpoint or the store.
 */
public final class BeaconReplica extends Service implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BeaconReplica.class);
  private static final int BEACON = ShardId.BEACON.value();

  private final Blockchain chain;
  private final ConsensusStore proofs;
  private final ConsensusNetwork network;
  private final BeaconFollower follower;
  private final BlockSyncer syncer;
  private final Duration pollInterval;
  private final Driver driver;
  private final AtomicLong importFailures = new AtomicLong();

  private BeaconReplica(
      Blockchain chain,
      KeyValueStore store,
      ConsensusNetwork network,
      CommitteeSource committees,
      SignatureScheme scheme,
      SyncLimits limits,
      Duration pollInterval) {
    super("fugue-beacon-replica");
    this.chain = chain;
    this.proofs = new ConsensusStore(store);
    this.network = network;
    this.pollInterval = pollInterval;
    this.follower = new BeaconFollower(committees, scheme, chain.config().limits());
    this.driver = new Driver(name(), this::isRunning);
    this.syncer =
        new BlockSyncer(
            BEACON,
            network,
            committees,
            new CommitProofVerifier(scheme, BEACON),
            chain.config().limits(),
            limits,
            driver::execute,
            () -> chain.head().number() + 1,
            this::apply);
  }

  /**
   * Opens (or resumes) the beacon chain of {@code genesis} on {@code store}, with the beacon's
   * ledger {@code modules} (they must be the beacon validators' modules, or state roots differ).
   *
   * @param store a database of its own: it holds a beacon chain, not the node's shard
   * @param network the node's endpoint; used to subscribe to beacon blocks and to send sync
   *     requests
   */
  public static BeaconReplica open(
      GenesisConfig genesis,
      KeyValueStore store,
      ModuleRegistry modules,
      ConsensusNetwork network,
      SyncLimits limits,
      Duration pollInterval,
      Clock clock) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(limits, "limits");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    ShardNodes.requireStakingAsGenesis(genesis, modules);
    java.util.concurrent.atomic.AtomicReference<Blockchain> chainRef =
        new java.util.concurrent.atomic.AtomicReference<>();
    CommitteeSource committees =
        ElectedCommittees.of(genesis, () -> chainRef.get().headState())
            .map(ElectedCommittees::beacon)
            .orElse(CommitteeSource.fixed(ShardNodes.committee(genesis, BEACON)));
    Blockchain chain =
        Blockchain.open(
            store,
            genesis.chainConfig(),
            Genesis.forShard(genesis, ShardId.BEACON),
            modules,
            ShardNodes.rewards(genesis, 0, committees),
            clock);
    chainRef.set(chain);
    return new BeaconReplica(
        chain, store, network, committees, new BlsSignatureScheme(), limits, pollInterval);
  }

  /** Subscribes to beacon announcements and starts syncing from the stored head. */
  @Override
  protected void doStart() {
    network.subscribe(BEACON, ConsensusNetwork.Kind.BLOCKS, this::onAnnouncement);
    long every = pollInterval.toMillis();
    // The driver cancels its schedule when it stops; poll() handles its own failures.
    var unused = driver.scheduleWithFixedDelay(this::poll, 0, every);
    LOG.info("beacon replica started at beacon block {}", chain.head().number());
  }

  /** The replica's beacon chain: read its head state for issuer standing. */
  public Blockchain chain() {
    return chain;
  }

  /** The highest beacon header whose announcement verified. */
  public Optional<BlockHeader> announcedHead() {
    return follower.latest();
  }

  /** Announcements rejected (undecodable, not a beacon header, or a commit proof that fails). */
  public long rejectedAnnouncements() {
    return follower.rejected();
  }

  /** Sync responses rejected whole (a block or commit proof failed its check). */
  public long rejectedResponses() {
    return syncer.rejectedResponses();
  }

  /** Blocks with a valid commit proof that still failed to import (this replica's rules differ). */
  public long importFailures() {
    return importFailures.get();
  }

  /**
   * Stops the driver; the endpoint and the store stay open (their owner closes them). Idempotent.
   */
  @Override
  public void close() {
    stop();
  }

  @Override
  protected void doStop() {
    driver.shutdown();
    LOG.info("beacon replica stopped at beacon block {}", chain.head().number());
  }

  // ---------------------------------------------------------------- network threads

  private ConsensusNetwork.Verdict onAnnouncement(ConsensusNetwork.Peer from, Bytes payload) {
    ConsensusNetwork.Verdict v = follower.onMessage(from, payload);
    if (v == ConsensusNetwork.Verdict.ACCEPT) {
      syncer.notePeer(from);
      driver.execute(this::poll);
    }
    return v;
  }

  // ---------------------------------------------------------------- driver thread

  /** Asks for the next blocks; the syncer keeps one request in flight and chains full batches. */
  private void poll() {
    syncer.request(chain.head().number() + 1); // the driver logs a failed round and keeps polling
  }

  private void apply(SyncCodec.SyncedBlock synced) {
    Block block;
    try {
      block = Block.decode(synced.block(), chain.config().limits());
    } catch (ChainException | IllegalArgumentException e) {
      importFailures.incrementAndGet();
      LOG.warn(
          "beacon block {} undecodable after its proof verified: {}",
          synced.proof().height(),
          e.getMessage());
      return;
    }
    proofs.putCommitProof(synced.proof());
    Validation v = chain.importBlock(block);
    if (!v.isAccepted()) {
      importFailures.incrementAndGet();
      LOG.error(
          "beacon block {} has a valid commit proof but failed to import: {} (are this node's beacon"
              + " modules and genesis the validators'?)",
          block.header().number(),
          v.reason());
      return;
    }
    LOG.debug("beacon replica imported block {}", block.header().number());
  }
}
