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
import io.fugue.chain.storage.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-voting follower of the beacon chain for a node of another shard: a full beacon
 * {@link Blockchain} on its own store, kept up to date over the node's p2p endpoint. Beacon
 * BLOCKS announcements are checked by a {@link BeaconFollower} (a commit quorum of the beacon
 * committee for exactly that header); an accepted one that is ahead of the replica, and a poll
 * every {@code pollInterval}, start block sync ({@link BlockSyncer}: every block's commit proof
 * verified against the beacon committee before it is handed on). Blocks are imported in order,
 * each fully re-executed, its commit proof stored first, so a restart resumes from the store.
 * One driver thread imports; network threads only check and enqueue. Lifecycle IDLE → RUNNING →
 * STOPPED; it does not own the endpoint or the store.
 */
public final class BeaconReplica implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BeaconReplica.class);
  private static final int BEACON = ShardId.BEACON.value();

  private final Blockchain chain;
  private final ConsensusStore proofs;
  private final ConsensusNetwork network;
  private final BeaconFollower follower;
  private final BlockSyncer syncer;
  private final Duration pollInterval;
  private final ScheduledThreadPoolExecutor driver;
  private final AtomicReference<ShardNode.State> state = new AtomicReference<>(ShardNode.State.IDLE);
  private final AtomicLong importFailures = new AtomicLong();

  private BeaconReplica(Blockchain chain, KeyValueStore store, ConsensusNetwork network, CommitteeSource committees,
      SignatureScheme scheme, SyncLimits limits, Duration pollInterval) {
    this.chain = chain;
    this.proofs = new ConsensusStore(store);
    this.network = network;
    this.pollInterval = pollInterval;
    this.follower = new BeaconFollower(committees.committeeFor(1), scheme, chain.config().limits());
    this.driver = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "fugue-beacon-replica");
      t.setDaemon(true);
      return t;
    });
    this.syncer = new BlockSyncer(BEACON, network, committees, new CommitProofVerifier(scheme, BEACON),
        chain.config().limits(), limits, this::onDriver, () -> chain.head().number() + 1, this::apply);
  }

  /**
   * Opens (or resumes) the beacon chain of {@code genesis} on {@code store}, with the beacon's
   * ledger {@code modules} (they must be the beacon validators' modules, or state roots differ).
   *
   * @param store a database of its own: it holds a beacon chain, not the node's shard
   * @param network the node's endpoint; used to subscribe to beacon blocks and to send sync requests
   */
  public static BeaconReplica open(GenesisConfig genesis, KeyValueStore store, ModuleRegistry modules,
      ConsensusNetwork network, SyncLimits limits, Duration pollInterval, Clock clock) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(limits, "limits");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    CommitteeSource committees = CommitteeSource.fixed(ShardNodes.committee(genesis, BEACON));
    Blockchain chain = Blockchain.open(store, genesis.chainConfig(), Genesis.forShard(genesis, ShardId.BEACON),
        modules, new SignerRewards(committees), clock);
    return new BeaconReplica(chain, store, network, committees, new BlsSignatureScheme(), limits, pollInterval);
  }

  /** Subscribes to beacon announcements and starts syncing from the stored head. */
  public void start() {
    if (!state.compareAndSet(ShardNode.State.IDLE, ShardNode.State.RUNNING)) {
      throw new IllegalStateException("replica is " + state.get() + ", not IDLE");
    }
    network.subscribe(BEACON, ConsensusNetwork.Kind.BLOCKS, this::onAnnouncement);
    long every = pollInterval.toMillis();
    driver.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
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

  public ShardNode.State state() {
    return state.get();
  }

  /** Stops the driver; the endpoint and the store stay open (their owner closes them). Idempotent. */
  @Override
  public void close() {
    ShardNode.State before = state.getAndSet(ShardNode.State.STOPPED);
    if (before == ShardNode.State.STOPPED) {
      return;
    }
    driver.shutdownNow();
    try {
      if (!driver.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("beacon replica driver did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("beacon replica stopped at beacon block {}", chain.head().number());
  }

  // ---------------------------------------------------------------- network threads

  private ConsensusNetwork.Verdict onAnnouncement(ConsensusNetwork.Peer from, Bytes payload) {
    ConsensusNetwork.Verdict v = follower.onMessage(from, payload);
    if (v == ConsensusNetwork.Verdict.ACCEPT) {
      syncer.notePeer(from);
      onDriver(this::poll);
    }
    return v;
  }

  // ---------------------------------------------------------------- driver thread

  private boolean onDriver(Runnable action) {
    if (state.get() != ShardNode.State.RUNNING) {
      return false;
    }
    try {
      driver.execute(() -> {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.error("beacon replica task failed", e);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Asks for the next blocks; the syncer keeps one request in flight and chains full batches. */
  private void poll() {
    try {
      syncer.request(chain.head().number() + 1);
    } catch (RuntimeException e) {
      // A periodic task that throws is cancelled for good: log and keep polling.
      LOG.error("beacon replica poll failed", e);
    }
  }

  private void apply(SyncCodec.SyncedBlock synced) {
    Block block;
    try {
      block = Block.decode(synced.block(), chain.config().limits());
    } catch (ChainException | IllegalArgumentException e) {
      importFailures.incrementAndGet();
      LOG.warn("beacon block {} undecodable after its proof verified: {}", synced.proof().height(), e.getMessage());
      return;
    }
    proofs.putCommitProof(synced.proof());
    Validation v = chain.importBlock(block);
    if (!v.isAccepted()) {
      importFailures.incrementAndGet();
      LOG.error("beacon block {} has a valid commit proof but failed to import: {} (are this node's beacon"
          + " modules and genesis the validators'?)", block.header().number(), v.reason());
      return;
    }
    LOG.debug("beacon replica imported block {}", block.header().number());
  }
}
