package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * View change: leader failure, re-proposal of a prepared block, NEWVIEW checks, restarts, backoff.
 */
class ViewChangeTest {

  private static boolean isCommitPhase(ConsensusMessage m) {
    return (m instanceof Vote v && v.phase() == Phase.COMMIT)
        || (m instanceof Certified c && c.certificate().phase() == Phase.COMMIT);
  }

  private static List<ConsensusMessage> sent(ManualCluster c, int node) {
    return c.outputsOf(node, Output.Broadcast.class).stream()
        .map(Output.Broadcast::message)
        .toList();
  }

  @Test
  void shouldChangeViewAndFinalizeWhenTheLeaderIsDown() {
    ManualCluster c = new ManualCluster(4);
    int leader = c.leader(1, 0);
    c.down[leader] = true;
    c.start();
    c.run(8_000);
    int other = (leader + 1) % 4;
    assertThat(c.finalized(other)).isNotEmpty();
    Output.Finalized first = c.finalized(other).get(0);
    assertThat(first.commitProof().viewId()).isEqualTo(1);
    assertThat(first.commitProof().signers().contains(leader)).isFalse();
    assertThat(c.outputsOf(other, Output.ViewChanged.class)).contains(new Output.ViewChanged(1, 1));
    assertThat(sent(c, c.leader(1, 1)))
        .anyMatch(m -> m instanceof NewView nv && nv.m1Groups().isEmpty());
  }

  /**
   * Prepared everywhere, then the leader dies before anyone commits: view 1 must carry the same
   * block.
   */
  private ManualCluster preparedThenLeaderCrashes() {
    ManualCluster c = new ManualCluster(4);
    c.drop = (e, to) -> isCommitPhase(e.message());
    c.start();
    c.advance(0);
    c.deliverAll();
    int leader = c.leader(1, 0);
    c.down[leader] = true;
    c.drop = (e, to) -> false;
    return c;
  }

  @Test
  void shouldReproposeThePreparedBlockAfterTheLeaderCrashes() {
    ManualCluster c = preparedThenLeaderCrashes();
    int leader = c.leader(1, 0);
    Announce original =
        (Announce)
            sent(c, leader).stream().filter(m -> m instanceof Announce).findFirst().orElseThrow();
    c.run(8_000);
    int other = (leader + 1) % 4;
    NewView nv =
        (NewView)
            sent(c, c.leader(1, 1)).stream()
                .filter(m -> m instanceof NewView)
                .findFirst()
                .orElseThrow();
    assertThat(nv.m1Groups()).hasSize(1);
    assertThat(nv.m1Groups().get(0).prepared().blockHash()).isEqualTo(original.blockHash());
    assertThat(nv.blockHash()).isEqualTo(original.blockHash());
    assertThat(c.finalized(other).get(0).block().hash()).isEqualTo(original.blockHash());
    assertThat(c.finalized(other).get(0).commitProof().viewId()).isEqualTo(1);
  }

  @Test
  void shouldRejectANewViewThatDropsThePreparedBlockOrItsJustification() {
    ManualCluster c = preparedThenLeaderCrashes();
    int newLeader = c.leader(1, 1);
    c.drop = (e, to) -> e.message() instanceof NewView;
    c.run(1_500);
    NewView honest =
        (NewView)
            sent(c, newLeader).stream().filter(m -> m instanceof NewView).findFirst().orElseThrow();
    int validator =
        List.of(0, 1, 2, 3).stream()
            .filter(i -> i != newLeader && i != c.leader(1, 0))
            .findFirst()
            .orElseThrow();
    FbftMachine v = c.machines.get(validator);

    ProposedBlock other = TestBlocks.build(1, c.genesis, Optional.empty(), 777, true);
    ValidatorSignature sig =
        c.signers
            .get(newLeader)
            .sign(SigningPayloads.vote(Phase.PROPOSE, 0, 1, other.hash(), honest.viewId()));
    v.onMessage(
        new NewView(
            0,
            1,
            honest.viewId(),
            honest.sender(),
            other.hash(),
            other.encoded(),
            sig,
            honest.m3(),
            honest.m2(),
            honest.m1Groups()),
        c.now);
    v.onMessage(
        new NewView(
            0,
            1,
            honest.viewId(),
            honest.sender(),
            other.hash(),
            other.encoded(),
            sig,
            honest.m3(),
            honest.m2(),
            List.of()),
        c.now);
    var fewer =
        new ConsensusMessage.AggregateVote(
            honest.m3().aggregate(), SignerBitmap.of(4, List.of(validator)));
    v.onMessage(
        new NewView(
            0,
            1,
            honest.viewId(),
            honest.sender(),
            honest.blockHash(),
            honest.block(),
            honest.proposerSignature(),
            fewer,
            honest.m2(),
            honest.m1Groups()),
        c.now);
    assertThat(v.metrics().rejected(Rejection.BAD_NEW_VIEW)).isEqualTo(3);

    List<Output> out = v.onMessage(honest, c.now);
    assertThat(out)
        .anyMatch(
            o ->
                o instanceof Output.Broadcast b
                    && b.message() instanceof Vote vt
                    && vt.blockHash().equals(honest.blockHash())
                    && vt.viewId() == honest.viewId());
  }

  @Test
  void shouldRejectANewViewFromAMemberWhoDoesNotLeadThatView() {
    ManualCluster c = preparedThenLeaderCrashes();
    int newLeader = c.leader(1, 1);
    c.drop = (e, to) -> e.message() instanceof NewView;
    c.run(1_500);
    NewView honest =
        (NewView)
            sent(c, newLeader).stream().filter(m -> m instanceof NewView).findFirst().orElseThrow();
    int impostor =
        List.of(0, 1, 2, 3).stream()
            .filter(i -> i != newLeader && i != c.leader(1, 0))
            .findFirst()
            .orElseThrow();
    int victim =
        List.of(0, 1, 2, 3).stream()
            .filter(i -> i != newLeader && i != impostor && i != c.leader(1, 0))
            .findFirst()
            .orElseThrow();
    ValidatorSignature sig =
        c.signers
            .get(impostor)
            .sign(SigningPayloads.vote(Phase.PROPOSE, 0, 1, honest.blockHash(), 1));
    c.machines
        .get(victim)
        .onMessage(
            new NewView(
                0,
                1,
                1,
                c.signers.get(impostor).publicKey(),
                honest.blockHash(),
                honest.block(),
                sig,
                honest.m3(),
                honest.m2(),
                honest.m1Groups()),
            c.now);
    assertThat(c.machines.get(victim).metrics().rejected(Rejection.WRONG_LEADER)).isEqualTo(1);
  }

  @Test
  void shouldNeverVoteAgainInAViewItVotedInAfterARestart() {
    ManualCluster c = new ManualCluster(4);
    c.start();
    c.advance(0);
    int leader = c.leader(1, 0);
    int v = (leader + 1) % 4;
    c.drop = (e, to) -> to != v;
    c.deliverAll();
    SafetyRecord record = c.outputsOf(v, Output.PersistSafety.class).get(0).record();
    assertThat(record.viewId()).isZero();
    FbftMachine restarted = c.newMachine(v, ChainHead.genesis(c.genesis), Optional.of(record));
    List<Output> out = restarted.start(c.now);
    assertThat(out).noneMatch(o -> o instanceof Output.Broadcast b && b.message() instanceof Vote);
    assertThat(out)
        .anyMatch(
            o ->
                o instanceof Output.Broadcast b
                    && b.message() instanceof ViewChange vc
                    && vc.viewId() == 1);
    Announce replay = (Announce) sent(c, leader).get(0);
    assertThat(restarted.onMessage(replay, c.now)).noneMatch(o -> o instanceof Output.Broadcast);
    assertThat(restarted.metrics().rejected(Rejection.OLD_VIEW)).isEqualTo(1);
  }

  @Test
  void shouldLengthenTheViewChangeTimeoutWithEachFailedView() {
    ManualCluster c = new ManualCluster(4);
    c.drop = (e, to) -> true;
    c.start();
    FbftMachine m = c.machines.get(0);
    long[] changedAt = new long[5];
    for (int view = 1; view <= 4; view++) {
      while (m.viewId() < view) {
        c.advance(10);
      }
      changedAt[view] = c.now;
    }
    long base = c.config.viewChangeTimeoutMillis();
    assertThat(changedAt[3] - changedAt[2]).isBetween(2 * base, 2 * base + 10);
    assertThat(changedAt[4] - changedAt[3]).isBetween(3 * base, 3 * base + 10);
    assertThat(c.config.backoff(base, 100)).isEqualTo(c.config.maxTimeoutMillis());
  }

  @Test
  void shouldJoinALaterViewOnceMoreThanAThirdAskForIt() {
    ManualCluster c = new ManualCluster(4);
    int leader = c.leader(1, 0);
    c.drop = (e, to) -> e.message() instanceof Announce;
    c.start();
    c.advance(0);
    c.deliverAll();
    int late =
        List.of(0, 1, 2, 3).stream()
            .filter(i -> i != leader && i != c.leader(1, 1))
            .findFirst()
            .orElseThrow();
    List<Integer> others =
        List.of(0, 1, 2, 3).stream().filter(i -> i != leader && i != late).toList();
    int a = others.get(0);
    int b = others.get(1);
    c.machines.get(a).onTick(5_000).stream()
        .filter(o -> o instanceof Output.Broadcast)
        .map(o -> ((Output.Broadcast) o).message())
        .forEach(m -> c.machines.get(late).onMessage(m, 100));
    assertThat(c.machines.get(late).viewId())
        .as("one member of four is not more than a third")
        .isZero();
    c.machines.get(b).onTick(5_000).stream()
        .filter(o -> o instanceof Output.Broadcast)
        .map(o -> ((Output.Broadcast) o).message())
        .forEach(m -> c.machines.get(late).onMessage(m, 100));
    assertThat(c.machines.get(late).viewId()).isEqualTo(1);
    assertThat(c.machines.get(late).inViewChange()).isTrue();
  }

  @Test
  void shouldRejectViewChangesWithForgedSignaturesCertificatesOrBlocks() {
    ManualCluster c = preparedThenLeaderCrashes();
    int newLeader = c.leader(1, 1);
    int sender =
        List.of(0, 1, 2, 3).stream()
            .filter(i -> i != newLeader && i != c.leader(1, 0))
            .findFirst()
            .orElseThrow();
    c.drop = (e, to) -> true;
    c.run(1_500);
    ViewChange honest =
        (ViewChange)
            sent(c, sender).stream().filter(m -> m instanceof ViewChange).findFirst().orElseThrow();
    ConsensusMessage.PreparedClaim claim = honest.prepared().orElseThrow();
    QuorumCertificate qc = claim.prepared();
    FbftMachine leader = c.machines.get(newLeader);
    long t = honest.viewId();
    deliver(
        leader,
        c.now,
        new ViewChange(
            0, 1, t, honest.sender(), claim.m1Signature(), honest.prepared(), Optional.empty()));
    assertThat(qc.signers().count()).as("certified at the first quorum").isEqualTo(3);
    QuorumCertificate claimsAll =
        new QuorumCertificate(
            Phase.PREPARE,
            1,
            qc.viewId(),
            qc.blockHash(),
            qc.aggregate(),
            SignerBitmap.of(4, List.of(0, 1, 2, 3)));
    deliver(
        leader,
        c.now,
        new ViewChange(
            0,
            1,
            t,
            honest.sender(),
            honest.m3Signature(),
            Optional.of(
                new ConsensusMessage.PreparedClaim(claimsAll, claim.block(), claim.m1Signature())),
            Optional.empty()));
    ProposedBlock other = TestBlocks.build(1, c.genesis, Optional.empty(), 5, true);
    deliver(
        leader,
        c.now,
        new ViewChange(
            0,
            1,
            t,
            honest.sender(),
            honest.m3Signature(),
            Optional.of(
                new ConsensusMessage.PreparedClaim(qc, other.encoded(), claim.m1Signature())),
            Optional.empty()));
    assertThat(leader.metrics().rejected(Rejection.BAD_SIGNATURE)).isEqualTo(1);
    assertThat(leader.metrics().rejected(Rejection.BAD_AGGREGATE))
        .as("bitmap claims a non-signer")
        .isEqualTo(1);
    assertThat(leader.metrics().rejected(Rejection.INVALID_BLOCK)).isEqualTo(1);
    deliver(leader, c.now, honest);
    deliver(leader, c.now, honest);
    assertThat(leader.metrics().rejected(Rejection.DUPLICATE)).isEqualTo(1);
  }

  private static void deliver(FbftMachine m, long now, ConsensusMessage msg) {
    m.onMessage(m.codec().encode(msg), now);
  }
}
