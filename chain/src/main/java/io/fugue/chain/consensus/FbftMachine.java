package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One validator's FBFT state machine for one shard: pure and deterministic. Feed it decoded or raw
 * messages, clock ticks and synced blocks; each call returns the {@link Output}s to perform, in
 * order. It never reads a clock, sleeps, or does I/O, and is not thread-safe: the shell calls it
 * from one thread (or one Vert.x context).
 *
 * <p>Per height, view 0 starts with the scheduled leader's ANNOUNCE; views above 0 start with a
 * NEWVIEW. Votes go to the view's leader, which turns a quorum into PREPARED and COMMITTED.
 */
public final class FbftMachine {
  /** Views further ahead than this are refused, which bounds what a Byzantine member can make us store. */
  static final long MAX_VIEWS_AHEAD = 64;

  private final ConsensusConfig config;
  private final ConsensusPorts ports;
  private final ConsensusCodec codec;
  private final CertificateVerifier verifier;
  private final DoubleSignDetector doubleSigns;
  private final ConsensusMetrics metrics = new ConsensusMetrics();
  private final ArrayDeque<ConsensusMessage> selfQueue = new ArrayDeque<>();
  private final ArrayDeque<ConsensusMessage> buffer = new ArrayDeque<>();
  private final Map<Hash32, ProposedBlock> blocks = new HashMap<>();
  private final Optional<SafetyRecord> restored;

  private List<Output> out = new ArrayList<>();
  private long now;
  private ChainHead head;
  private Committee committee;
  private long height;
  private long view;
  private boolean inViewChange;
  private ViewRound round;
  private ViewChangeBook viewChanges;
  private QuorumCertificate highestPrepared;
  private long newViewSentFor;
  private long deadline;
  private long proposeAt = -1;
  private long lastScheduled = Long.MIN_VALUE;
  private long lastSyncRequest = Long.MIN_VALUE;
  private boolean replayRequested;
  private boolean started;

  /** The votes and proposal of the current view. */
  private static final class ViewRound {
    ProposedBlock proposal;
    boolean prepareSent;
    boolean commitSent;
    VoteBook prepares;
    VoteBook commits;
  }

  /**
   * @param head the last finalized block this node has stored
   * @param restored the last {@link Output.PersistSafety} record the shell stored, if any
   */
  public FbftMachine(ConsensusConfig config, ConsensusPorts ports, ChainHead head, Optional<SafetyRecord> restored) {
    this.config = Objects.requireNonNull(config, "config");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.head = Objects.requireNonNull(head, "head");
    this.restored = Objects.requireNonNull(restored, "restored");
    this.codec = new ConsensusCodec(config.limits());
    this.verifier = new CertificateVerifier(ports.scheme(), config.shard());
    this.doubleSigns = new DoubleSignDetector(config.shard());
  }

  // ---------------------------------------------------------------- inputs

  /** Begins consensus at the height above {@code head}. */
  public List<Output> start(long nowMillis) {
    if (started) {
      throw new IllegalStateException("machine already started");
    }
    started = true;
    return run(nowMillis, () -> {
      enterHeight();
      restored.filter(r -> r.height() == height).ifPresent(this::resume);
    });
  }

  /** Decodes and handles bytes from the network. */
  public List<Output> onMessage(Bytes raw, long nowMillis) {
    return run(nowMillis, () -> {
      DecodeResult r = codec.decode(raw);
      if (r instanceof DecodeResult.Decoded d) {
        handle(d.message());
      } else {
        metrics.reject(Rejection.MALFORMED);
      }
    });
  }

  public List<Output> onMessage(ConsensusMessage message, long nowMillis) {
    return run(nowMillis, () -> handle(message));
  }

  /** Fires timeouts and a pending proposal whose time has come. */
  public List<Output> onTick(long nowMillis) {
    return run(nowMillis, () -> {
      if (proposeAt >= 0 && now >= proposeAt) {
        propose();
      }
      if (now >= deadline) {
        startViewChange(view + 1);
      }
    });
  }

  /** A finalized block fetched by block sync for the next height; checked before it is applied. */
  public List<Output> onSyncedBlock(Bytes block, QuorumCertificate commitProof, long nowMillis) {
    return run(nowMillis, () -> {
      if (commitProof.phase() != Phase.COMMIT || commitProof.height() != height) {
        metrics.reject(commitProof.height() < height ? Rejection.OLD_HEIGHT : Rejection.BAD_VIEW);
        return;
      }
      Optional<Rejection> bad = verifier.verify(commitProof, committee);
      if (bad.isPresent()) {
        metrics.reject(bad.get());
        return;
      }
      ProposedBlock b = acceptBlock(block, commitProof.blockHash());
      if (b != null) {
        finalizeBlock(b, commitProof);
      }
    });
  }

  public ConsensusMetrics metrics() {
    return metrics;
  }

  public ChainHead head() {
    return head;
  }

  public long height() {
    return height;
  }

  public long viewId() {
    return view;
  }

  public boolean inViewChange() {
    return inViewChange;
  }

  public ConsensusCodec codec() {
    return codec;
  }

  private List<Output> run(long nowMillis, Runnable action) {
    if (!started) {
      throw new IllegalStateException("start the machine first");
    }
    now = nowMillis;
    out = new ArrayList<>();
    action.run();
    drain();
    long wake = proposeAt >= 0 ? Math.min(deadline, proposeAt) : deadline;
    if (wake != lastScheduled) {
      lastScheduled = wake;
      out.add(new Output.ScheduleTick(wake));
    }
    return out;
  }

  private void drain() {
    while (!selfQueue.isEmpty() || replayRequested) {
      if (!selfQueue.isEmpty()) {
        handle(selfQueue.poll());
      } else {
        replayRequested = false;
        List<ConsensusMessage> pending = new ArrayList<>(buffer);
        buffer.clear();
        pending.forEach(this::handle);
      }
    }
  }

  // ---------------------------------------------------------------- dispatch

  private void handle(ConsensusMessage m) {
    if (m.shard() != config.shard()) {
      metrics.reject(Rejection.WRONG_SHARD);
      return;
    }
    if (m.height() < height) {
      metrics.reject(Rejection.OLD_HEIGHT);
      return;
    }
    Committee c = m.height() == height ? committee : ports.committees().committeeFor(m.height());
    Optional<Integer> member = c.indexOf(m.sender());
    if (member.isEmpty()) {
      metrics.reject(Rejection.NOT_MEMBER);
      return;
    }
    if (m.height() > height) {
      future(m);
      return;
    }
    int idx = member.get();
    if (m instanceof Announce a) {
      onAnnounce(a, idx);
    } else if (m instanceof Vote v) {
      onVote(v, idx);
    } else if (m instanceof Certified c2) {
      onCertified(c2);
    } else if (m instanceof ViewChange vc) {
      onViewChange(vc, idx);
    } else {
      onNewView((NewView) m, idx);
    }
  }

  private void future(ConsensusMessage m) {
    if (m.height() == height + 1) {
      buffer(m);
    }
    requestSync();
  }

  private void buffer(ConsensusMessage m) {
    if (config.limits().maxBufferedMessages() == 0) {
      metrics.reject(Rejection.BUFFER_FULL);
      return;
    }
    if (buffer.size() >= config.limits().maxBufferedMessages()) {
      buffer.poll();
      metrics.reject(Rejection.BUFFER_FULL);
    }
    buffer.add(m);
    metrics.buffered();
  }

  private void requestSync() {
    if (lastSyncRequest == Long.MIN_VALUE || now - lastSyncRequest >= config.syncRetryMillis()) {
      lastSyncRequest = now;
      out.add(new Output.RequestSync(height));
    }
  }

  private boolean isLeader(long viewId) {
    return committee.member(leaderIndex(viewId)).equals(ports.signer().publicKey());
  }

  private int leaderIndex(long viewId) {
    return ports.leaders().leaderIndex(committee, height, viewId);
  }

  // ---------------------------------------------------------------- normal case

  private void onAnnounce(Announce a, int idx) {
    if (a.viewId() != 0) {
      metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    if (view > 0) {
      metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (idx != leaderIndex(0)) {
      metrics.reject(Rejection.WRONG_LEADER);
      return;
    }
    if (!checkProposal(idx, a.sender(), a.blockHash(), 0, a.proposerSignature())) {
      return;
    }
    ProposedBlock b = acceptBlock(a.block(), a.blockHash());
    if (b != null) {
      adoptProposal(b);
    }
  }

  /** Checks the leader's proposal signature and that it is the only proposal of the view. */
  private boolean checkProposal(int idx, ValidatorKey key, Hash32 hash, long viewId, ValidatorSignature sig) {
    Bytes payload = SigningPayloads.vote(Phase.PROPOSE, config.shard(), height, hash, viewId);
    if (!verifier.verifySingle(key, payload, sig)) {
      metrics.reject(Rejection.BAD_SIGNATURE);
      return false;
    }
    doubleSigns.record(Phase.PROPOSE, viewId, idx, key, hash, sig).ifPresent(this::evidence);
    if (round.proposal != null && viewId == view) {
      metrics.reject(round.proposal.hash().equals(hash) ? Rejection.DUPLICATE : Rejection.EQUIVOCATION);
      return false;
    }
    return true;
  }

  private void adoptProposal(ProposedBlock b) {
    metrics.accept();
    round.proposal = b;
    if (!round.prepareSent) {
      round.prepareSent = true;
      persistVote();
      Bytes payload = SigningPayloads.vote(Phase.PREPARE, config.shard(), height, b.hash(), view);
      send(new Vote(Phase.PREPARE, config.shard(), height, view, self(), b.hash(), ports.signer().sign(payload)));
      deadline = now + config.backoff(config.phaseTimeoutMillis(), view);
    }
    replayRequested = true;
  }

  private void onVote(Vote v, int idx) {
    if (v.viewId() < view) {
      metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (v.viewId() > view || inViewChange) {
      bufferAhead(v);
      return;
    }
    if (!isLeader(view)) {
      return; // votes are for the leader; others do not spend a verification on them
    }
    Bytes payload = SigningPayloads.vote(v.phase(), config.shard(), height, v.blockHash(), view);
    if (!verifier.verifySingle(v.sender(), payload, v.signature())) {
      metrics.reject(Rejection.BAD_SIGNATURE);
      return;
    }
    doubleSigns.record(v.phase(), view, idx, v.sender(), v.blockHash(), v.signature()).ifPresent(this::evidence);
    if (round.proposal == null || !round.proposal.hash().equals(v.blockHash())) {
      metrics.reject(Rejection.UNKNOWN_BLOCK);
      return;
    }
    VoteBook book = votesFor(v.phase());
    if (!book.add(idx, v.signature(), committee)) {
      metrics.reject(Rejection.DUPLICATE);
      return;
    }
    metrics.accept();
    QuorumCertificate qc = book.certifyOnce(committee, ports.scheme());
    if (qc != null) {
      send(new Certified(config.shard(), self(), qc));
    }
  }

  private VoteBook votesFor(Phase phase) {
    Hash32 hash = round.proposal.hash();
    if (phase == Phase.PREPARE) {
      return round.prepares != null ? round.prepares : (round.prepares = new VoteBook(phase, height, view, hash));
    }
    return round.commits != null ? round.commits : (round.commits = new VoteBook(phase, height, view, hash));
  }

  private void onCertified(Certified c) {
    QuorumCertificate qc = c.certificate();
    if (qc.phase() == Phase.COMMIT) {
      onCommitted(c);
      return;
    }
    if (qc.viewId() < view) {
      metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (qc.viewId() > view || inViewChange || round.proposal == null) {
      bufferAhead(c);
      return;
    }
    if (!round.proposal.hash().equals(qc.blockHash())) {
      metrics.reject(Rejection.UNKNOWN_BLOCK);
      return;
    }
    if (round.commitSent) {
      return; // already acted on a prepared certificate of this view
    }
    Optional<Rejection> bad = verifier.verify(qc, committee);
    if (bad.isPresent()) {
      metrics.reject(bad.get());
      return;
    }
    metrics.accept();
    if (highestPrepared == null || qc.viewId() > highestPrepared.viewId()) {
      highestPrepared = qc;
    }
    round.commitSent = true;
    persistVote();
    Bytes payload = SigningPayloads.vote(Phase.COMMIT, config.shard(), height, qc.blockHash(), view);
    send(new Vote(Phase.COMMIT, config.shard(), height, view, self(), qc.blockHash(), ports.signer().sign(payload)));
    deadline = now + config.backoff(config.phaseTimeoutMillis(), view);
  }

  /** A commit proof is final whatever view it was made in. */
  private void onCommitted(Certified c) {
    QuorumCertificate qc = c.certificate();
    Optional<Rejection> bad = verifier.verify(qc, committee);
    if (bad.isPresent()) {
      metrics.reject(bad.get());
      return;
    }
    ProposedBlock b = blocks.get(qc.blockHash());
    if (b == null) {
      bufferAhead(c);
      requestSync();
      return;
    }
    metrics.accept();
    finalizeBlock(b, qc);
  }

  private void bufferAhead(ConsensusMessage m) {
    if (m.viewId() > view + MAX_VIEWS_AHEAD) {
      metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    buffer(m);
  }

  // ---------------------------------------------------------------- view change

  private void onViewChange(ViewChange vc, int idx) {
    long t = vc.viewId();
    if (t < view) {
      metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (t > view + MAX_VIEWS_AHEAD) {
      metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    Optional<Rejection> bad = ViewChanges.verify(vc, committee, verifier, config.shard());
    if (bad.isEmpty() && vc.prepared().isPresent()) {
      ConsensusMessage.PreparedClaim claim = vc.prepared().get();
      bad = acceptBlock(claim.block(), claim.prepared().blockHash()) == null
          ? Optional.of(Rejection.INVALID_BLOCK) : Optional.empty();
      if (bad.isPresent()) {
        return; // acceptBlock counted it
      }
    }
    if (bad.isPresent()) {
      metrics.reject(bad.get());
      return;
    }
    if (!viewChanges.add(idx, vc)) {
      metrics.reject(Rejection.DUPLICATE);
      return;
    }
    metrics.accept();
    viewChanges.joinTarget(view, committee).ifPresent(this::startViewChange);
    maybeSendNewView(t);
  }

  private void startViewChange(long target) {
    if (target <= view && inViewChange) {
      return;
    }
    view = target;
    inViewChange = true;
    round = new ViewRound();
    proposeAt = -1;
    metrics.viewChange();
    out.add(new Output.ViewChanged(height, view));
    persistVote();
    Optional<ConsensusMessage.PreparedClaim> claim = Optional.ofNullable(highestPrepared).map(qc -> new ConsensusMessage.PreparedClaim(
        qc, blocks.get(qc.blockHash()).encoded(),
        ports.signer().sign(SigningPayloads.m1(config.shard(), height, view, qc.blockHash(), qc.viewId()))));
    Optional<ValidatorSignature> nil = claim.isPresent()
        ? Optional.empty() : Optional.of(ports.signer().sign(SigningPayloads.m2(config.shard(), height, view)));
    ValidatorSignature m3 = ports.signer().sign(SigningPayloads.m3(config.shard(), height, view));
    send(new ViewChange(config.shard(), height, view, self(), m3, claim, nil));
    deadline = now + config.backoff(config.viewChangeTimeoutMillis(), view - 1);
    replayRequested = true;
  }

  private void maybeSendNewView(long t) {
    if (t < view || t <= newViewSentFor || !committee.member(leaderIndex(t)).equals(self())
        || !committee.isQuorum(viewChanges.power(t, committee))) {
      return;
    }
    newViewSentFor = t;
    if (view < t || !inViewChange) {
      view = t;
      inViewChange = true;
      round = new ViewRound();
      out.add(new Output.ViewChanged(height, view));
    }
    ProposedBlock block = ViewChanges.reproposal(viewChanges.forView(t).values(), blocks)
        .orElseGet(() -> ports.blockSource().build(height, head.hash(), head.commitProof()));
    blocks.putIfAbsent(block.hash(), block);
    persistVote();
    ValidatorSignature sig = ports.signer().sign(
        SigningPayloads.vote(Phase.PROPOSE, config.shard(), height, block.hash(), t));
    send(ViewChanges.newView(config.shard(), height, t, self(), block, sig, viewChanges.forView(t),
        committee.size(), ports.scheme()));
  }

  private void onNewView(NewView nv, int idx) {
    long t = nv.viewId();
    if (t < view) {
      metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (t < 1 || t > view + MAX_VIEWS_AHEAD) {
      metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    if (idx != leaderIndex(t)) {
      metrics.reject(Rejection.WRONG_LEADER);
      return;
    }
    if (t == view && !inViewChange) {
      metrics.reject(Rejection.DUPLICATE);
      return;
    }
    Optional<String> unjustified = NewViewChecker.check(nv, committee, verifier, config.shard());
    if (unjustified.isPresent()) {
      metrics.reject(Rejection.BAD_NEW_VIEW);
      return;
    }
    if (!checkProposal(idx, nv.sender(), nv.blockHash(), t, nv.proposerSignature())) {
      return;
    }
    ProposedBlock b = acceptBlock(nv.block(), nv.blockHash());
    if (b == null) {
      return;
    }
    view = t;
    inViewChange = false;
    round = new ViewRound();
    adoptProposal(b);
  }

  // ---------------------------------------------------------------- heights, blocks, votes

  private void propose() {
    proposeAt = -1;
    if (view != 0 || inViewChange || round.proposal != null || !isLeader(0)) {
      return;
    }
    ProposedBlock block = ports.blockSource().build(height, head.hash(), head.commitProof());
    blocks.putIfAbsent(block.hash(), block);
    persistVote();
    ValidatorSignature sig = ports.signer().sign(
        SigningPayloads.vote(Phase.PROPOSE, config.shard(), height, block.hash(), 0));
    send(new Announce(config.shard(), height, 0, self(), block.hash(), block.encoded(), sig));
  }

  /** Validates a block for the current height once; null (and counted) if it is not acceptable. */
  private ProposedBlock acceptBlock(Bytes encoded, Hash32 expectedHash) {
    ProposedBlock known = blocks.get(expectedHash);
    if (known != null) {
      return known.encoded().equals(encoded) ? known : rejectBlock();
    }
    Validation v = ports.validator().validate(encoded, height, head.hash());
    if (!(v instanceof Validation.Accept accept)) {
      return rejectBlock();
    }
    ProposedBlock b = accept.block();
    if (b.height() != height || !b.parentHash().equals(head.hash()) || !b.hash().equals(expectedHash)
        || !b.encoded().equals(encoded) || !parentCommitValid(b)) {
      return rejectBlock();
    }
    blocks.put(b.hash(), b);
    return b;
  }

  private ProposedBlock rejectBlock() {
    metrics.reject(Rejection.INVALID_BLOCK);
    return null;
  }

  /** Block N+1 must carry a valid commit proof of block N (any quorum, not necessarily ours). */
  private boolean parentCommitValid(ProposedBlock b) {
    if (b.height() == 1) {
      return b.parentCommit().isEmpty();
    }
    return b.parentCommit()
        .map(qc -> verifier.verify(qc, ports.committees().committeeFor(b.height() - 1)).isEmpty())
        .orElse(false);
  }

  private void finalizeBlock(ProposedBlock b, QuorumCertificate qc) {
    out.add(new Output.Finalized(b, qc));
    metrics.finalized();
    head = new ChainHead(b.height(), b.hash(), Optional.of(qc), now);
    enterHeight();
  }

  private void enterHeight() {
    height = head.height() + 1;
    committee = ports.committees().committeeFor(height);
    view = 0;
    inViewChange = false;
    round = new ViewRound();
    viewChanges = new ViewChangeBook();
    highestPrepared = null;
    newViewSentFor = -1;
    blocks.clear();
    doubleSigns.resetForHeight(height);
    deadline = now + config.blockIntervalMillis() + config.phaseTimeoutMillis();
    proposeAt = isLeader(0) ? Math.max(now, head.finalizedAtMillis() + config.blockIntervalMillis()) : -1;
    replayRequested = true;
  }

  /** After a restart mid-height: never vote again in a view we may have voted in. */
  private void resume(SafetyRecord r) {
    view = r.viewId();
    if (r.prepared().isPresent() && acceptBlock(r.preparedBlock(), r.prepared().get().blockHash()) != null) {
      highestPrepared = r.prepared().get();
    }
    startViewChange(r.viewId() + 1);
  }

  private void persistVote() {
    Bytes preparedBlock = highestPrepared == null ? Bytes.EMPTY : blocks.get(highestPrepared.blockHash()).encoded();
    out.add(new Output.PersistSafety(
        new SafetyRecord(height, view, Optional.ofNullable(highestPrepared), preparedBlock)));
  }

  private void send(ConsensusMessage m) {
    out.add(new Output.Broadcast(m));
    selfQueue.add(m);
  }

  private void evidence(DoubleSignEvidence e) {
    metrics.evidence();
    metrics.reject(Rejection.EQUIVOCATION);
    out.add(new Output.Evidence(e));
  }

  private ValidatorKey self() {
    return ports.signer().publicKey();
  }
}
