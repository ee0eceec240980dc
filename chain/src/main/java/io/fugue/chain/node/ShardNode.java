package io.fugue.chain.node;

import io.fugue.chain.consensus.ChainHead;
import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.ConsensusCodec;
import io.fugue.chain.consensus.ConsensusMessage;
import io.fugue.chain.consensus.ConsensusPorts;
import io.fugue.chain.consensus.DecodeResult;
import io.fugue.chain.consensus.FbftMachine;
import io.fugue.chain.consensus.Output;
import io.fugue.chain.consensus.OutputRouter;
import io.fugue.chain.consensus.ProposedBlock;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.RotatingLeaderSchedule;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.service.Driver;
import io.fugue.chain.service.Service;
import io.fugue.chain.txpool.AddResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator's shard: a single driver thread owns the {@link FbftMachine}, feeds it gossip,
 * clock ticks and synced blocks, and performs its outputs (broadcast, persist safety, apply
 * finalized blocks with their commit proofs, store evidence, sync). Network threads only check and
 * enqueue. Lifecycle of a {@link Service}; a stopped node closes its network endpoint and is not
 * restarted (open a new one on the same store). If the store fails to take a finalized block or a
 * safety record, the node fails (state FAILED, a fatal log, {@link #terminated} reports the cause).
 */
public final class ShardNode extends Service {
  private static final Logger LOG = LoggerFactory.getLogger(ShardNode.class);

  private final ShardNodeSetup setup;
  private final int shard;
  private final ConsensusStore consensusStore;
  private final ConsensusCodec gossipCodec;
  private final RotatingLeaderSchedule leaders;
  private final Driver driver;
  private final BlockSyncer syncer;
  private final Optional<BeaconFollower> beacon;
  private final TxGossipHandler txGossip;
  private final AtomicLong gossipRejected = new AtomicLong();
  private FbftMachine machine;
  private OutputRouter router;
  private ScheduledFuture<?> tick;
  private long tickAt;
  private final IdlePacing pacing;

  /** The height whose proposal the empty-block policy already let through (driver thread only). */
  private long releasedHeight = -1;

  private final AtomicLong heldTicks = new AtomicLong();

  public ShardNode(ShardNodeSetup setup) {
    super("fugue-shard-" + setup.consensus().shard() + "-" + setup.signer().publicKey().shortHex());
    this.setup = setup;
    this.shard = setup.consensus().shard();
    this.consensusStore = new ConsensusStore(setup.store());
    this.gossipCodec = new ConsensusCodec(setup.consensus().limits());
    this.leaders =
        new RotatingLeaderSchedule(setup.consensus().blocksPerLeader(), setup.leaderSeed());
    this.driver = new Driver(name(), this::isRunning);
    this.syncer =
        new BlockSyncer(
            shard,
            setup.network(),
            setup.committees(),
            new CommitProofVerifier(setup.scheme(), shard),
            setup.chain().config().limits(),
            setup.syncLimits(),
            driver::execute,
            () -> machine.height(),
            this::applySynced);
    this.beacon =
        setup
            .beaconCommittee()
            .filter(c -> shard != 0)
            .map(c -> new BeaconFollower(c, setup.scheme(), setup.chain().config().limits()));
    this.txGossip = new TxGossipHandler(setup.chain().config(), ShardId.of(shard), setup.pool());
    this.pacing =
        IdlePacing.of(
            setup.idleBlockIntervalMillis(),
            setup.consensus().blockIntervalMillis(),
            setup.consensus().phaseTimeoutMillis());
  }

  @Override
  protected void doStart() {
    try {
      driver
          .submit(
              () -> {
                startMachine();
                return null;
              })
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new NodeException("shard " + shard + " node failed to start", e);
    }
    if (!isRunning()) {
      throw new NodeException(
          "shard " + shard + " node failed while starting (see the FATAL line)");
    }
    ConsensusNetwork net = setup.network();
    net.onRequest(new SyncServer(shard, setup.chain(), consensusStore, setup.syncLimits(), net));
    net.subscribe(shard, ConsensusNetwork.Kind.CONSENSUS, this::onGossip);
    net.subscribe(shard, ConsensusNetwork.Kind.TXS, txGossip);
    beacon.ifPresent(b -> net.subscribe(0, ConsensusNetwork.Kind.BLOCKS, b));
    LOG.info(
        "shard {} validator {} started at block {} with {} peers",
        shard,
        setup.signer().publicKey().shortHex(),
        setup.chain().head().number(),
        net.peers().size());
    driver.execute(() -> syncer.request(machine.height()));
  }

  private void startMachine() {
    BlockHeader head = setup.chain().head();
    Optional<QuorumCertificate> proof =
        head.number() == 0
            ? Optional.empty()
            : Optional.of(
                consensusStore
                    .commitProof(head.number())
                    .orElseThrow(
                        () ->
                            new NodeException(
                                "no commit proof stored for head block " + head.number())));
    ChainHead chainHead = new ChainHead(head.number(), head.hash(), proof, setup.clock().millis());
    ConsensusPorts ports =
        new ConsensusPorts(
            setup.committees(),
            setup.scheme(),
            setup.signer(),
            new LedgerBlockSource(
                setup.chain(),
                setup.pool(),
                setup.signer().publicKey(),
                () -> machine == null ? 0 : machine.viewId(),
                setup.clock(),
                setup.maxTransactionsPerBlock()),
            new LedgerProposalValidator(setup.chain()),
            leaders);
    machine = new FbftMachine(setup.consensus(), ports, chainHead, consensusStore.load());
    router =
        new OutputRouter(
            machine.codec(),
            m -> setup.network().publish(shard, ConsensusNetwork.Kind.CONSENSUS, m),
            this::onFinalized,
            consensusStore,
            consensusStore,
            this::scheduleTick,
            syncer::request);
    perform(machine.start(now()));
  }

  /**
   * Stops consensus, then closes the network endpoint; runs once, on {@link #stop} or a failure.
   */
  @Override
  protected void doStop() {
    driver.shutdown();
    setup.network().close();
    LOG.info(
        "shard {} validator {} stopped at block {}",
        shard,
        setup.signer().publicKey().shortHex(),
        setup.chain().head().number());
  }

  public int shard() {
    return shard;
  }

  public ShardNodeSetup setup() {
    return setup;
  }

  /**
   * Offers a transaction to this node's pool and, if the pool took it (added or replacing one of
   * lower fee), gossips its encoding on the shard's TXS topic so that every validator's pool, and
   * so whichever leader comes next, holds it. Thread-safe; does no disk write. A refused
   * transaction is not gossiped.
   */
  public AddResult submit(Transaction tx) {
    Objects.requireNonNull(tx, "tx");
    AddResult r = setup.pool().add(tx);
    if (r.accepted()) {
      setup.network().publish(shard, ConsensusNetwork.Kind.TXS, tx.encode());
    }
    return r;
  }

  /** The latest verified beacon header, for nodes of shards other than 0. */
  public Optional<BlockHeader> beaconHead() {
    return beacon.flatMap(BeaconFollower::latest);
  }

  /** Every piece of double-sign evidence this node stored. */
  public List<io.fugue.chain.consensus.DoubleSignEvidence> evidence() {
    return consensusStore.evidence();
  }

  /** A consistent snapshot, taken on the driver (or from the last state once stopped). */
  public CompletableFuture<NodeStatus> status() {
    CompletableFuture<NodeStatus> f = new CompletableFuture<>();
    if (!driver.execute(() -> f.complete(snapshot()))) {
      f.complete(snapshot());
    }
    return f;
  }

  private NodeStatus snapshot() {
    BlockHeader head = setup.chain().head();
    FbftMachine m = machine;
    return new NodeStatus(
        shard,
        state(),
        head.number(),
        head.hash(),
        m == null ? head.number() + 1 : m.height(),
        m == null ? 0 : m.viewId(),
        m == null ? 0 : m.metrics().finalizedBlocks(),
        m == null ? 0 : m.metrics().viewChanges(),
        m == null ? 0 : m.metrics().evidenceEmitted(),
        m == null ? java.util.Map.of() : m.metrics().rejections(),
        gossipRejected.get(),
        syncer.requests(),
        syncer.syncedBlocks(),
        syncer.rejectedResponses(),
        beaconHead().map(BlockHeader::number),
        beacon.map(BeaconFollower::rejected).orElse(0L),
        setup.network().peers().size(),
        txGossip.accepted(),
        txGossip.ignored(),
        txGossip.rejected(),
        setup.pool().size(),
        setup.chain().importCounts().reused(),
        setup.chain().importCounts().executed());
  }

  // ---------------------------------------------------------------- network threads

  private ConsensusNetwork.Verdict onGossip(ConsensusNetwork.Peer from, Bytes payload) {
    DecodeResult r = gossipCodec.decode(payload);
    if (!(r instanceof DecodeResult.Decoded d) || d.message().shard() != shard) {
      gossipRejected.incrementAndGet();
      return ConsensusNetwork.Verdict.REJECT;
    }
    long height = Math.max(1, d.message().height());
    CommitteeSource committees = setup.committees();
    if (committees.committeeFor(height).indexOf(d.message().sender()).isEmpty()) {
      if (!committees.knows(height)) {
        // From an epoch this node has not reached: not judged, not relayed, but a sign to sync.
        syncer.noteHeight(d.message().height());
        return ConsensusNetwork.Verdict.IGNORE;
      }
      gossipRejected.incrementAndGet();
      return ConsensusNetwork.Verdict.REJECT;
    }
    syncer.notePeer(from);
    ConsensusMessage m = d.message();
    syncer.noteHeight(m.height());
    return driver.execute(() -> perform(machine.onMessage(m, now())))
        ? ConsensusNetwork.Verdict.ACCEPT
        : ConsensusNetwork.Verdict.IGNORE;
  }

  // ---------------------------------------------------------------- driver thread

  /**
   * Performs the machine's outputs in order. Persisting a vote or importing a finalized block that
   * fails leaves the machine ahead of the store: the shard then stops (fail-stop) rather than vote
   * or finalize on state it does not hold; nothing later in the batch is sent.
   */
  private void perform(List<Output> outputs) {
    for (Output o : outputs) {
      if (o instanceof Output.ViewChanged v) {
        LOG.info("shard {} view change at height {} to view {}", shard, v.height(), v.viewId());
      } else if (o instanceof Output.Finalized || o instanceof Output.PersistSafety) {
        try {
          router.route(List.of(o));
        } catch (RuntimeException e) {
          fail(
              o instanceof Output.Finalized f
                  ? "finalized block " + f.block().height() + " could not be stored"
                  : "the consensus safety record could not be persisted",
              e);
          return;
        }
      } else {
        router.route(List.of(o));
      }
    }
  }

  private void scheduleTick(long atMillis) {
    if (!isRunning()) {
      return;
    }
    if (tick != null) {
      tick.cancel(false);
    }
    tickAt = atMillis;
    tick = driver.schedule(this::fireTick, Math.max(0, atMillis - now()));
  }

  /**
   * The executor's timer runs on nanoTime, the machine on the wall clock in whole milliseconds: a
   * tick can fire a millisecond before the wall clock reaches its instant. The machine would then
   * do nothing and, its wake-up unchanged, ask for no new tick; so an early tick waits again.
   */
  private void fireTick() {
    long now = now();
    if (now < tickAt) {
      tick = driver.schedule(this::fireTick, tickAt - now);
      return;
    }
    long holdUntil = idleHold(now);
    if (holdUntil >= 0) {
      heldTicks.incrementAndGet();
      tickAt = holdUntil;
      tick = driver.schedule(this::fireTick, holdUntil - now);
      return;
    }
    perform(machine.onTick(now));
  }

  /**
   * The empty-block policy ({@link IdlePacing}): -1 lets the tick through; else the instant to look
   * at the pool again. Only the leader of view 0 holds, and only its first tick of a height (the
   * proposal's; later ticks of the height are for resends and timeouts, which come after the idle
   * interval anyway).
   */
  private long idleHold(long now) {
    long height = machine.height();
    if (!pacing.enabled()
        || releasedHeight == height
        || machine.viewId() != 0
        || machine.inViewChange()
        || !isLeaderOfView0(height)) {
      return -1;
    }
    long until = pacing.holdUntil(now, machine.head().finalizedAtMillis(), setup.pool().size());
    if (until < 0) {
      releasedHeight = height;
    }
    return until;
  }

  private boolean isLeaderOfView0(long height) {
    Committee c = setup.committees().committeeFor(height);
    return c.member(leaders.leaderIndex(c, height, 0)).equals(setup.signer().publicKey());
  }

  /**
   * How often the empty-block policy held this node's proposal back (each look at the pool counts).
   */
  long idleHolds() {
    return heldTicks.get();
  }

  private void applySynced(SyncCodec.SyncedBlock b) {
    perform(machine.onSyncedBlock(b.block(), b.proof(), now()));
  }

  private void onFinalized(ProposedBlock proposed, QuorumCertificate proof) {
    Block block = Block.decode(proposed.encoded(), setup.chain().config().limits());
    consensusStore.putCommitProof(proof);
    Validation v = setup.chain().importBlock(block);
    if (!v.isAccepted()) {
      throw new NodeException(
          "finalized block " + proof.height() + " failed to import: " + v.reason());
    }
    LOG.info(
        "shard {} block {} finalized ({} txs, view {}, {} signers)",
        shard,
        proof.height(),
        block.body().transactions().size(),
        proof.viewId(),
        proof.signers().count());
    Committee committee = setup.committees().committeeFor(proof.height());
    int leader = leaders.leaderIndex(committee, proof.height(), proof.viewId());
    if (committee.member(leader).equals(setup.signer().publicKey())) {
      setup
          .network()
          .publish(
              shard,
              ConsensusNetwork.Kind.BLOCKS,
              BeaconFollower.encodeAnnouncement(block.header(), proof));
    }
  }

  private long now() {
    return setup.clock().millis();
  }
}
