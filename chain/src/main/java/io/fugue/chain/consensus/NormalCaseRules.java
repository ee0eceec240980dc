package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Optional;

/** The normal case of a view: ANNOUNCE → PREPARE → PREPARED → COMMIT → COMMITTED. */
abstract class NormalCaseRules extends MachineCore {

  NormalCaseRules(ConsensusConfig config, ConsensusPorts ports, ChainHead head, Optional<SafetyRecord> restored) {
    super(config, ports, head, restored);
  }

  // ---------------------------------------------------------------- normal case

  void onAnnounce(Announce a, int idx) {
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
  boolean checkProposal(int idx, ValidatorKey key, Hash32 hash, long viewId, ValidatorSignature sig) {
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

  void adoptProposal(ProposedBlock b) {
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

  void onVote(Vote v, int idx) {
    if (v.viewId() < view) {
      metrics.reject(Rejection.OLD_VIEW);
      watchVote(v, idx); // a late copy of an earlier view's vote can still prove a double-sign
      return;
    }
    if (v.viewId() > view || inViewChange) {
      bufferAhead(v);
      return;
    }
    if (!isLeader(view)) {
      watchVote(v, idx); // votes are counted by the leader; others only watch for double-signs
      return;
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

  /** Remembers a vote without verifying it; a conflicting vote of the same slot is checked. */
  void watchVote(Vote v, int idx) {
    long forgeries = doubleSigns.forgeries();
    doubleSigns.watch(v.phase(), v.viewId(), idx, v.sender(), v.blockHash(), v.signature()).ifPresent(this::evidence);
    if (doubleSigns.forgeries() > forgeries) {
      metrics.reject(Rejection.BAD_SIGNATURE);
    }
  }

  VoteBook votesFor(Phase phase) {
    Hash32 hash = round.proposal.hash();
    if (phase == Phase.PREPARE) {
      return round.prepares != null ? round.prepares : (round.prepares = new VoteBook(phase, height, view, hash));
    }
    return round.commits != null ? round.commits : (round.commits = new VoteBook(phase, height, view, hash));
  }

  void onCertified(Certified c) {
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
  void onCommitted(Certified c) {
    QuorumCertificate qc = c.certificate();
    ProposedBlock b = blocks.get(qc.blockHash());
    if (b == null) {
      // Verified when the block is known; a forged proof costs only a rate-limited sync request.
      bufferAhead(c);
      requestSync();
      return;
    }
    Optional<Rejection> bad = verifier.verify(qc, committee);
    if (bad.isPresent()) {
      metrics.reject(bad.get());
      return;
    }
    metrics.accept();
    finalizeBlock(b, qc);
  }

  // ---------------------------------------------------------------- heights, blocks, votes

  void propose() {
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
}
