package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import java.util.Optional;

/** View change: VIEWCHANGE (M1/M2/M3), joining later views, building and checking NEWVIEW. */
abstract class ViewChangeRules extends NormalCaseRules {

  ViewChangeRules(ConsensusConfig config, ConsensusPorts ports, ChainHead head, Optional<SafetyRecord> restored) {
    super(config, ports, head, restored);
  }

  // ---------------------------------------------------------------- view change

  void onViewChange(ViewChange vc, int idx) {
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

  void startViewChange(long target) {
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

  void maybeSendNewView(long t) {
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

  void onNewView(NewView nv, int idx) {
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
    if (!checkProposal(idx, nv.sender(), nv.blockHash(), t, nv.proposerSignature())) {
      return;
    }
    Optional<String> unjustified = NewViewChecker.check(nv, committee, verifier, config.shard());
    if (unjustified.isPresent()) {
      metrics.reject(Rejection.BAD_NEW_VIEW);
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

  /** After a restart mid-height: never vote again in a view we may have voted in. */
  void resume(SafetyRecord r) {
    view = r.viewId();
    if (r.prepared().isPresent() && acceptBlock(r.preparedBlock(), r.prepared().get().blockHash()) != null) {
      highestPrepared = r.prepared().get();
    }
    startViewChange(r.viewId() + 1);
  }
}
