package io.fugue.chain.consensus;

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
 * The state of one {@link FbftMachine} and the actions shared by its rule sets: block acceptance,
 * finality, entering a height, persisting votes before they are sent, buffering. Split from the
 * machine only to keep each rule set readable; it is not used on its own.
 */
abstract class MachineCore {
  /** Views further ahead than this are refused, which bounds what a Byzantine member can make us store. */
  static final long MAX_VIEWS_AHEAD = 64;

  final ConsensusConfig config;
  final ConsensusPorts ports;
  final ConsensusCodec codec;
  final CertificateVerifier verifier;
  final DoubleSignDetector doubleSigns;
  final ConsensusMetrics metrics = new ConsensusMetrics();
  final ArrayDeque<ConsensusMessage> selfQueue = new ArrayDeque<>();
  final ArrayDeque<ConsensusMessage> buffer = new ArrayDeque<>();
  final Map<Hash32, ProposedBlock> blocks = new HashMap<>();
  final Optional<SafetyRecord> restored;

  List<Output> out = new ArrayList<>();
  long now;
  ChainHead head;
  Committee committee;
  long height;
  long view;
  boolean inViewChange;
  ViewRound round;
  ViewChangeBook viewChanges;
  QuorumCertificate highestPrepared;
  long newViewSentFor;
  long deadline;
  long proposeAt = -1;
  long lastScheduled = Long.MIN_VALUE;
  final List<ConsensusMessage> sentInView = new ArrayList<>();
  long sentHeight = -1;
  long sentView = -1;
  long resendAt = -1;
  long lastSyncRequest = Long.MIN_VALUE;
  boolean replayRequested;
  boolean started;

  /** The votes and proposal of the current view. */
  static final class ViewRound {
    ProposedBlock proposal;
    boolean prepareSent;
    boolean commitSent;
    VoteBook prepares;
    VoteBook commits;
  }

  MachineCore(ConsensusConfig config, ConsensusPorts ports, ChainHead head, Optional<SafetyRecord> restored) {
    this.config = Objects.requireNonNull(config, "config");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.head = Objects.requireNonNull(head, "head");
    this.restored = Objects.requireNonNull(restored, "restored");
    this.codec = new ConsensusCodec(config.limits());
    this.verifier = new CertificateVerifier(ports.scheme(), config.shard());
    this.doubleSigns = new DoubleSignDetector(config.shard(), ports.scheme());
  }

  void buffer(ConsensusMessage m) {
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

  void requestSync() {
    if (lastSyncRequest == Long.MIN_VALUE || now - lastSyncRequest >= config.syncRetryMillis()) {
      lastSyncRequest = now;
      out.add(new Output.RequestSync(height));
    }
  }

  boolean isLeader(long viewId) {
    return committee.member(leaderIndex(viewId)).equals(ports.signer().publicKey());
  }

  int leaderIndex(long viewId) {
    return ports.leaders().leaderIndex(committee, height, viewId);
  }

  void bufferAhead(ConsensusMessage m) {
    if (m.viewId() > view + MAX_VIEWS_AHEAD) {
      metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    buffer(m);
  }

  /** Validates a block for the current height once; null (and counted) if it is not acceptable. */
  ProposedBlock acceptBlock(Bytes encoded, Hash32 expectedHash) {
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

  ProposedBlock rejectBlock() {
    metrics.reject(Rejection.INVALID_BLOCK);
    return null;
  }

  /** Block N+1 must carry a valid commit proof of block N (any quorum, not necessarily ours). */
  boolean parentCommitValid(ProposedBlock b) {
    if (b.height() == 1) {
      return b.parentCommit().isEmpty();
    }
    return b.parentCommit()
        .map(qc -> verifier.verify(qc, ports.committees().committeeFor(b.height() - 1)).isEmpty())
        .orElse(false);
  }

  void finalizeBlock(ProposedBlock b, QuorumCertificate qc) {
    out.add(new Output.Finalized(b, qc));
    metrics.finalized();
    head = new ChainHead(b.height(), b.hash(), Optional.of(qc), now);
    enterHeight();
  }

  void enterHeight() {
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

  void persistVote() {
    Bytes preparedBlock = highestPrepared == null ? Bytes.EMPTY : blocks.get(highestPrepared.blockHash()).encoded();
    out.add(new Output.PersistSafety(
        new SafetyRecord(height, view, Optional.ofNullable(highestPrepared), preparedBlock)));
  }

  void send(ConsensusMessage m) {
    out.add(new Output.Broadcast(m));
    selfQueue.add(m);
    if (sentHeight != height || sentView != view) {
      sentInView.clear();
      sentHeight = height;
      sentView = view;
    }
    sentInView.add(m);
    resendAt = now + config.phaseTimeoutMillis();
  }

  /**
   * Gossip may lose a message for good; a member stuck in one view re-broadcasts what it sent in
   * it every base phase timeout, so one lost NEWVIEW or vote cannot stall a view that a quorum
   * could finish.
   */
  void resendIfDue() {
    if (resendAt < 0 || now < resendAt) {
      return;
    }
    if (sentHeight != height || sentView != view) {
      resendAt = -1;
      return;
    }
    sentInView.forEach(m -> out.add(new Output.Broadcast(m)));
    resendAt = now + config.phaseTimeoutMillis();
  }

  /** The next instant the machine needs a tick. */
  long nextWake() {
    long wake = deadline;
    if (proposeAt >= 0) {
      wake = Math.min(wake, proposeAt);
    }
    return resendAt >= 0 ? Math.min(wake, resendAt) : wake;
  }

  void evidence(DoubleSignEvidence e) {
    metrics.evidence();
    metrics.reject(Rejection.EQUIVOCATION);
    out.add(new Output.Evidence(e));
  }

  ValidatorKey self() {
    return ports.signer().publicKey();
  }
}
