package io.fugue.chain.consensus;

import java.util.Objects;
import java.util.Optional;

/**
 * What the rule sets of one {@link FbftMachine} share: the wiring (config, ports, verifier,
 * double-sign detector, metrics), the state objects (time, height, round, outbox, buffer) and the
 * few actions both rule sets take: persist before voting, send, enter a height, finalize.
 */
final class MachineContext {
  final ConsensusConfig config;
  final ConsensusPorts ports;
  final CertificateVerifier verifier;
  final DoubleSignDetector doubleSigns;
  final ConsensusMetrics metrics = new ConsensusMetrics();
  final Timers timers = new Timers();
  final RoundState round = new RoundState();
  final HeightState height;
  final Outbox outbox;
  final MessageBuffer buffer;
  final BlockAcceptor blocks;

  MachineContext(ConsensusConfig config, ConsensusPorts ports, ChainHead head) {
    this.config = Objects.requireNonNull(config, "config");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.verifier = new CertificateVerifier(ports.scheme(), config.shard());
    this.doubleSigns = new DoubleSignDetector(config.shard(), ports.scheme());
    this.height = new HeightState(head);
    this.outbox = new Outbox(config.phaseTimeoutMillis());
    this.buffer = new MessageBuffer(config.limits().maxBufferedMessages(), metrics);
    this.blocks = new BlockAcceptor(ports.validator(), ports.committees(), verifier, metrics);
  }

  long now() {
    return timers.now();
  }

  ValidatorKey self() {
    return ports.signer().publicKey();
  }

  int leaderIndex(long viewId) {
    return height.leaderIndex(ports.leaders(), viewId);
  }

  boolean isLeader(long viewId) {
    return height.isLeader(ports.leaders(), viewId, self());
  }

  /** Enters the height above {@code head}: view 0, a fresh round, the leader proposes on time. */
  void enterHeight(ChainHead head) {
    enterHeight(head, null);
  }

  private void enterHeight(ChainHead head, HeightState.LateCommits late) {
    height.enter(head, ports.committees().committeeFor(head.height() + 1), late);
    round.enter(0, false);
    doubleSigns.resetForHeight(height.height());
    timers.deadlineIn(config.blockIntervalMillis() + config.phaseTimeoutMillis());
    timers.proposeAt(
        isLeader(0)
            ? Math.max(now(), head.finalizedAtMillis() + config.blockIntervalMillis())
            : -1);
    buffer.requestReplay();
  }

  void finalizeBlock(ProposedBlock b, QuorumCertificate qc) {
    outbox.emit(new Output.Finalized(b, qc));
    metrics.finalized();
    // A leader keeps its own commit votes of the finalized block open for late ones.
    HeightState.LateCommits late =
        round
            .commitVotes()
            .filter(book -> book.blockHash().equals(qc.blockHash()) && book.viewId() == qc.viewId())
            .map(book -> new HeightState.LateCommits(b.height(), height.committee(), book))
            .orElse(null);
    enterHeight(new ChainHead(b.height(), b.hash(), Optional.of(qc), now()), late);
  }

  /** Must precede every vote: a restarted member never signs twice in one view. */
  void persistVote() {
    outbox.emit(new Output.PersistSafety(height.safetyRecord(round.view())));
  }

  /**
   * Broadcasts {@code m}, unless this node is not a member of the height's committee: a node that
   * follows a shard without a seat (it joins at the next epoch, or it left) votes, proposes and
   * asks for view changes never, so its signatures cannot count and peers never see a message from
   * a non-member as misbehaviour. It still finalizes from the members' certificates.
   */
  void send(ConsensusMessage m) {
    if (!isMember()) {
      return;
    }
    outbox.send(m, height.height(), round.view(), now());
  }

  /** Whether this node holds a seat in the committee of the height being decided. */
  boolean isMember() {
    return height.committee().indexOf(self()).isPresent();
  }

  void requestSync() {
    if (timers.syncAllowed(config.syncRetryMillis())) {
      outbox.emit(new Output.RequestSync(height.height()));
    }
  }

  void evidence(DoubleSignEvidence e) {
    metrics.evidence();
    metrics.reject(Rejection.EQUIVOCATION);
    outbox.emit(new Output.Evidence(e));
  }
}
