package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Optional;

/** The normal case of a view: ANNOUNCE → PREPARE → PREPARED → COMMIT → COMMITTED. */
final class NormalCaseRules {
  private final MachineContext c;

  NormalCaseRules(MachineContext context) {
    this.c = context;
  }

  /** The view-0 leader builds a block on the head and announces it, once its time has come. */
  void propose() {
    c.timers.proposeAt(-1);
    RoundState round = c.round;
    if (round.view() != 0 || round.inViewChange() || round.hasProposal() || !c.isLeader(0)) {
      return;
    }
    HeightState h = c.height;
    ProposedBlock block =
        c.ports
            .blockSource()
            .build(h.height(), h.head().hash(), h.commitProofToBuildOn(c.ports.scheme()));
    h.addBlock(block);
    c.persistVote();
    ValidatorSignature sig =
        c.ports
            .signer()
            .sign(
                SigningPayloads.vote(Phase.PROPOSE, c.config.shard(), h.height(), block.hash(), 0));
    c.send(
        new Announce(
            c.config.shard(), h.height(), 0, c.self(), block.hash(), block.encoded(), sig));
  }

  void onAnnounce(Announce a, int idx) {
    if (a.viewId() != 0) {
      c.metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    if (c.round.view() > 0) {
      c.metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (idx != c.leaderIndex(0)) {
      c.metrics.reject(Rejection.WRONG_LEADER);
      return;
    }
    if (!checkProposal(idx, a.sender(), a.blockHash(), 0, a.proposerSignature())) {
      return;
    }
    c.blocks.accept(c.height, a.block(), a.blockHash()).ifPresent(this::adoptProposal);
  }

  /** Checks the leader's proposal signature and that it is the only proposal of the view. */
  boolean checkProposal(
      int idx, ValidatorKey key, Hash32 hash, long viewId, ValidatorSignature sig) {
    Bytes payload =
        SigningPayloads.vote(Phase.PROPOSE, c.config.shard(), c.height.height(), hash, viewId);
    if (!c.verifier.verifySingle(key, payload, sig)) {
      c.metrics.reject(Rejection.BAD_SIGNATURE);
      return false;
    }
    c.doubleSigns.record(Phase.PROPOSE, viewId, idx, key, hash, sig).ifPresent(c::evidence);
    if (c.round.hasProposal() && viewId == c.round.view()) {
      c.metrics.reject(c.round.isProposal(hash) ? Rejection.DUPLICATE : Rejection.EQUIVOCATION);
      return false;
    }
    return true;
  }

  /** Takes the view's proposal and, once per view, persists and sends this member's PREPARE. */
  void adoptProposal(ProposedBlock b) {
    c.metrics.accept();
    c.round.adopt(b);
    if (c.round.markPrepareSent()) {
      c.persistVote();
      sendVote(Phase.PREPARE, b.hash());
    }
    c.buffer.requestReplay();
  }

  private void sendVote(Phase phase, Hash32 hash) {
    long h = c.height.height();
    long view = c.round.view();
    Bytes payload = SigningPayloads.vote(phase, c.config.shard(), h, hash, view);
    c.send(
        new Vote(phase, c.config.shard(), h, view, c.self(), hash, c.ports.signer().sign(payload)));
    c.timers.deadlineIn(c.config.backoff(c.config.phaseTimeoutMillis(), view));
  }

  void onVote(Vote v, int idx) {
    RoundState round = c.round;
    if (v.viewId() < round.view()) {
      c.metrics.reject(Rejection.OLD_VIEW);
      watchVote(v, idx); // a late copy of an earlier view's vote can still prove a double-sign
      return;
    }
    if (v.viewId() > round.view() || round.inViewChange()) {
      c.buffer.addAhead(v, round);
      return;
    }
    if (!c.isLeader(round.view())) {
      watchVote(v, idx); // votes are counted by the leader; others only watch for double-signs
      return;
    }
    Bytes payload =
        SigningPayloads.vote(
            v.phase(), c.config.shard(), c.height.height(), v.blockHash(), round.view());
    if (!c.verifier.verifySingle(v.sender(), payload, v.signature())) {
      c.metrics.reject(Rejection.BAD_SIGNATURE);
      return;
    }
    c.doubleSigns
        .record(v.phase(), round.view(), idx, v.sender(), v.blockHash(), v.signature())
        .ifPresent(c::evidence);
    if (!round.isProposal(v.blockHash())) {
      c.metrics.reject(Rejection.UNKNOWN_BLOCK);
      return;
    }
    Committee committee = c.height.committee();
    VoteBook book = round.votes(v.phase(), c.height.height());
    if (!book.add(idx, v.signature(), committee)) {
      c.metrics.reject(Rejection.DUPLICATE);
      return;
    }
    c.metrics.accept();
    QuorumCertificate qc = book.certifyOnce(committee, c.ports.scheme());
    if (qc != null) {
      c.send(new Certified(c.config.shard(), c.self(), qc));
    }
  }

  /**
   * A commit vote for the block this leader just finalized, arriving after its quorum: verified and
   * kept, so the next block's header names its signer too. Anything else of an old height is old.
   */
  boolean onLateCommit(Vote v) {
    Optional<HeightState.LateCommits> late = c.height.lateCommits();
    if (v.phase() != Phase.COMMIT
        || late.isEmpty()
        || v.height() != late.get().height()
        || v.viewId() != late.get().book().viewId()
        || !v.blockHash().equals(late.get().book().blockHash())) {
      return false;
    }
    Optional<Integer> idx = late.get().committee().indexOf(v.sender());
    if (idx.isEmpty()) {
      return false;
    }
    Bytes payload =
        SigningPayloads.vote(v.phase(), c.config.shard(), v.height(), v.blockHash(), v.viewId());
    if (!c.verifier.verifySingle(v.sender(), payload, v.signature())) {
      c.metrics.reject(Rejection.BAD_SIGNATURE);
      return true;
    }
    if (late.get().book().add(idx.get(), v.signature(), late.get().committee())) {
      c.metrics.accept();
    }
    return true;
  }

  /** Remembers a vote without verifying it; a conflicting vote of the same slot is checked. */
  private void watchVote(Vote v, int idx) {
    long forgeries = c.doubleSigns.forgeries();
    c.doubleSigns
        .watch(v.phase(), v.viewId(), idx, v.sender(), v.blockHash(), v.signature())
        .ifPresent(c::evidence);
    if (c.doubleSigns.forgeries() > forgeries) {
      c.metrics.reject(Rejection.BAD_SIGNATURE);
    }
  }

  void onCertified(Certified cert) {
    QuorumCertificate qc = cert.certificate();
    if (qc.phase() == Phase.COMMIT) {
      onCommitted(cert);
      return;
    }
    RoundState round = c.round;
    if (qc.viewId() < round.view()) {
      c.metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (qc.viewId() > round.view() || round.inViewChange() || !round.hasProposal()) {
      c.buffer.addAhead(cert, round);
      return;
    }
    if (!round.isProposal(qc.blockHash())) {
      c.metrics.reject(Rejection.UNKNOWN_BLOCK);
      return;
    }
    if (round.commitSent()) {
      return; // already acted on a prepared certificate of this view
    }
    Optional<Rejection> bad = c.verifier.verify(qc, c.height.committee());
    if (bad.isPresent()) {
      c.metrics.reject(bad.get());
      return;
    }
    c.metrics.accept();
    c.height.notePrepared(qc);
    round.markCommitSent();
    c.persistVote();
    sendVote(Phase.COMMIT, qc.blockHash());
  }

  /** A commit proof is final whatever view it was made in. */
  private void onCommitted(Certified cert) {
    QuorumCertificate qc = cert.certificate();
    Optional<ProposedBlock> b = c.height.block(qc.blockHash());
    if (b.isEmpty()) {
      // Verified when the block is known; a forged proof costs only a rate-limited sync request.
      c.buffer.addAhead(cert, c.round);
      c.requestSync();
      return;
    }
    Optional<Rejection> bad = c.verifier.verify(qc, c.height.committee());
    if (bad.isPresent()) {
      c.metrics.reject(bad.get());
      return;
    }
    c.metrics.accept();
    c.finalizeBlock(b.get(), qc);
  }
}
