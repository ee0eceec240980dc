package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.PreparedClaim;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import java.util.Optional;

/** View change: VIEWCHANGE (M1/M2/M3), joining later views, building and checking NEWVIEW. */
final class ViewChangeRules {
  private final MachineContext c;
  private final NormalCaseRules normal;

  ViewChangeRules(MachineContext context, NormalCaseRules normal) {
    this.c = context;
    this.normal = normal;
  }

  void onViewChange(ViewChange vc, int idx) {
    long t = vc.viewId();
    if (t < c.round.view()) {
      c.metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (c.round.tooFarAhead(t)) {
      c.metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    Committee committee = c.height.committee();
    Optional<Rejection> bad = ViewChanges.verify(vc, committee, c.verifier, c.config.shard());
    if (bad.isEmpty() && vc.prepared().isPresent()) {
      PreparedClaim claim = vc.prepared().get();
      if (c.blocks.accept(c.height, claim.block(), claim.prepared().blockHash()).isEmpty()) {
        return; // the acceptor counted it
      }
    }
    if (bad.isPresent()) {
      c.metrics.reject(bad.get());
      return;
    }
    if (!c.height.viewChanges().add(idx, vc)) {
      c.metrics.reject(Rejection.DUPLICATE);
      return;
    }
    c.metrics.accept();
    c.height.viewChanges().joinTarget(c.round.view(), committee).ifPresent(this::startViewChange);
    maybeSendNewView(t);
  }

  /**
   * Moves to {@code target} and sends this member's VIEWCHANGE: M3, and M1 (prepared) or M2 (nil).
   */
  void startViewChange(long target) {
    RoundState round = c.round;
    if (target <= round.view() && round.inViewChange()) {
      return;
    }
    round.enter(target, true);
    c.timers.proposeAt(-1);
    c.metrics.viewChange();
    long h = c.height.height();
    int shard = c.config.shard();
    c.outbox.emit(new Output.ViewChanged(h, target));
    c.persistVote();
    ConsensusSigner signer = c.ports.signer();
    Optional<PreparedClaim> claim =
        c.height
            .highestPrepared()
            .map(
                qc ->
                    new PreparedClaim(
                        qc,
                        c.height.block(qc.blockHash()).orElseThrow().encoded(),
                        signer.sign(
                            SigningPayloads.m1(shard, h, target, qc.blockHash(), qc.viewId()))));
    Optional<ValidatorSignature> nil =
        claim.isPresent()
            ? Optional.empty()
            : Optional.of(signer.sign(SigningPayloads.m2(shard, h, target)));
    ValidatorSignature m3 = signer.sign(SigningPayloads.m3(shard, h, target));
    c.send(new ViewChange(shard, h, target, c.self(), m3, claim, nil));
    c.timers.deadlineIn(c.config.backoff(c.config.viewChangeTimeoutMillis(), target - 1));
    c.buffer.requestReplay();
  }

  /** The leader of view {@code t} sends NEWVIEW once a quorum asked for {@code t}. */
  private void maybeSendNewView(long t) {
    RoundState round = c.round;
    HeightState h = c.height;
    ViewChangeBook book = h.viewChanges();
    if (t < round.view()
        || !h.newViewDueFor(t)
        || !h.committee().member(c.leaderIndex(t)).equals(c.self())
        || !h.committee().isQuorum(book.power(t, h.committee()))) {
      return;
    }
    h.markNewViewSent(t);
    if (round.view() < t || !round.inViewChange()) {
      round.enter(t, true);
      c.outbox.emit(new Output.ViewChanged(h.height(), t));
    }
    ProposedBlock block =
        ViewChanges.reproposal(book.forView(t).values(), h.blocks())
            .orElseGet(
                () ->
                    c.ports
                        .blockSource()
                        .build(h.height(), h.head().hash(), h.head().commitProof()));
    h.addBlock(block);
    c.persistVote();
    ValidatorSignature sig =
        c.ports
            .signer()
            .sign(
                SigningPayloads.vote(Phase.PROPOSE, c.config.shard(), h.height(), block.hash(), t));
    c.send(
        ViewChanges.newView(
            c.config.shard(),
            h.height(),
            t,
            c.self(),
            block,
            sig,
            book.forView(t),
            h.committee().size(),
            c.ports.scheme()));
  }

  void onNewView(NewView nv, int idx) {
    long t = nv.viewId();
    RoundState round = c.round;
    if (t < round.view()) {
      c.metrics.reject(Rejection.OLD_VIEW);
      return;
    }
    if (t < 1 || round.tooFarAhead(t)) {
      c.metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    if (idx != c.leaderIndex(t)) {
      c.metrics.reject(Rejection.WRONG_LEADER);
      return;
    }
    if (t == round.view() && !round.inViewChange()) {
      c.metrics.reject(Rejection.DUPLICATE);
      return;
    }
    if (!normal.checkProposal(idx, nv.sender(), nv.blockHash(), t, nv.proposerSignature())) {
      return;
    }
    if (NewViewChecker.check(nv, c.height.committee(), c.verifier, c.config.shard()).isPresent()) {
      c.metrics.reject(Rejection.BAD_NEW_VIEW);
      return;
    }
    Optional<ProposedBlock> b = c.blocks.accept(c.height, nv.block(), nv.blockHash());
    if (b.isEmpty()) {
      return;
    }
    round.enter(t, false);
    normal.adoptProposal(b.get());
  }

  /** After a restart mid-height: never vote again in a view we may have voted in. */
  void resume(SafetyRecord r) {
    c.round.enter(r.viewId(), false);
    if (r.prepared().isPresent()
        && c.blocks
            .accept(c.height, r.preparedBlock(), r.prepared().get().blockHash())
            .isPresent()) {
      c.height.notePrepared(r.prepared().get());
    }
    startViewChange(r.viewId() + 1);
  }
}
