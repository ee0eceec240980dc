package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Normal-case behaviour and each rejection of bad input, on a hand-driven committee of four. */
class FbftMachineTest {
  private ManualCluster cluster;
  private int leader;
  private int validator;
  private ProposedBlock block;

  @BeforeEach
  void setUp() {
    cluster = new ManualCluster(4);
    cluster.start();
    leader = cluster.leader(1, 0);
    validator = (leader + 1) % 4;
    block = TestBlocks.build(1, cluster.genesis, Optional.empty(), 42, true);
  }

  private FbftMachine v() {
    return cluster.machines.get(validator);
  }

  private Announce announce(int from, ProposedBlock b, long view) {
    ValidatorSignature sig =
        cluster
            .signers
            .get(from)
            .sign(SigningPayloads.vote(Phase.PROPOSE, 0, b.height(), b.hash(), view));
    return new Announce(0, b.height(), view, key(from), b.hash(), b.encoded(), sig);
  }

  private Vote vote(Phase phase, int from, Hash32 hash, long view) {
    return new Vote(
        phase,
        0,
        1,
        view,
        key(from),
        hash,
        cluster.signers.get(from).sign(SigningPayloads.vote(phase, 0, 1, hash, view)));
  }

  private ValidatorKey key(int i) {
    return cluster.signers.get(i).publicKey();
  }

  private QuorumCertificate certificate(
      Phase phase, Hash32 hash, List<Integer> signers, List<Integer> claimed) {
    List<ValidatorSignature> sigs =
        signers.stream()
            .map(i -> cluster.signers.get(i).sign(SigningPayloads.vote(phase, 0, 1, hash, 0)))
            .toList();
    return new QuorumCertificate(
        phase, 1, 0, hash, cluster.scheme.aggregate(sigs), SignerBitmap.of(4, claimed));
  }

  private long rejected(Rejection r) {
    return v().metrics().rejected(r);
  }

  @Test
  void shouldFinalizeEveryHeightOnEveryNodeWithTheParentsCommitProofInTheNextBlock() {
    cluster.run(5_000);
    for (int i = 0; i < 4; i++) {
      assertThat(cluster.finalized(i)).hasSizeGreaterThanOrEqualTo(3);
    }
    List<Output.Finalized> chain = cluster.finalized(0);
    for (int h = 1; h < chain.size(); h++) {
      QuorumCertificate proof = chain.get(h - 1).commitProof();
      assertThat(chain.get(h).block().parentCommit()).isPresent();
      assertThat(chain.get(h).block().parentCommit().get().blockHash())
          .isEqualTo(proof.blockHash());
      assertThat(cluster.committee.hasQuorum(proof.signers())).isTrue();
      assertThat(cluster.finalized(3).get(h).block().hash()).isEqualTo(chain.get(h).block().hash());
    }
    // A commit vote that reaches the leader after the quorum still makes it into the next block's
    // header (the quorum alone is three of four here): availability counts every timely signer.
    assertThat(chain.subList(1, chain.size()))
        .anySatisfy(
            f -> assertThat(f.block().parentCommit().orElseThrow().signers().count()).isEqualTo(4));
  }

  @Test
  void shouldLetANodeWithoutASeatFollowWithoutEverSendingAMessage() {
    ManualCluster five = new ManualCluster(5, 4);
    five.start();
    five.run(5_000);
    for (int i = 0; i < 4; i++) {
      assertThat(five.finalized(i)).hasSizeGreaterThanOrEqualTo(3);
    }
    assertThat(five.outputs.get(4))
        .as("the node without a seat broadcasts nothing")
        .noneMatch(o -> o instanceof Output.Broadcast);
    List<Output.Finalized> followed = five.finalized(4);
    assertThat(followed).as("it finalizes from the members' certificates").isNotEmpty();
    for (int h = 0; h < followed.size(); h++) {
      assertThat(followed.get(h).block().hash()).isEqualTo(five.finalized(0).get(h).block().hash());
    }
  }

  @Test
  void shouldPrepareAValidAnnounceFromTheLeaderOnce() {
    List<Output> out = v().onMessage(announce(leader, block, 0), 0);
    List<Output> again = v().onMessage(announce(leader, block, 0), 0);
    assertThat(out)
        .filteredOn(o -> o instanceof Output.Broadcast b && b.message() instanceof Vote)
        .hasSize(1);
    assertThat(
            out.indexOf(
                out.stream()
                    .filter(o -> o instanceof Output.PersistSafety)
                    .findFirst()
                    .orElseThrow()))
        .as("the vote is persisted before it is sent")
        .isLessThan(
            out.indexOf(
                out.stream().filter(o -> o instanceof Output.Broadcast).findFirst().orElseThrow()));
    assertThat(again).noneMatch(o -> o instanceof Output.Broadcast);
    assertThat(rejected(Rejection.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void shouldRejectAnnounceFromANonMember() {
    ConsensusSigner outsider = cluster.scheme.newSigner(99);
    ValidatorSignature sig =
        outsider.sign(SigningPayloads.vote(Phase.PROPOSE, 0, 1, block.hash(), 0));
    v().onMessage(
            new Announce(0, 1, 0, outsider.publicKey(), block.hash(), block.encoded(), sig), 0);
    assertThat(rejected(Rejection.NOT_MEMBER)).isEqualTo(1);
  }

  @Test
  void shouldRejectAnnounceFromAMemberWhoIsNotTheLeader() {
    v().onMessage(announce((leader + 2) % 4, block, 0), 0);
    assertThat(rejected(Rejection.WRONG_LEADER)).isEqualTo(1);
  }

  @Test
  void shouldRejectAnnounceWithAForgedProposerSignature() {
    Announce good = announce(leader, block, 0);
    ValidatorSignature other =
        cluster
            .signers
            .get(validator)
            .sign(SigningPayloads.vote(Phase.PROPOSE, 0, 1, block.hash(), 0));
    v().onMessage(new Announce(0, 1, 0, good.sender(), block.hash(), block.encoded(), other), 0);
    assertThat(rejected(Rejection.BAD_SIGNATURE)).isEqualTo(1);
  }

  @Test
  void shouldRejectInvalidBlocksAndBlocksWhoseHashIsNotTheAnnouncedOne() {
    v().onMessage(
            announce(leader, TestBlocks.build(1, cluster.genesis, Optional.empty(), 1, false), 0),
            0);
    ProposedBlock other = TestBlocks.build(1, cluster.genesis, Optional.empty(), 2, true);
    ValidatorSignature sig =
        cluster
            .signers
            .get(leader)
            .sign(SigningPayloads.vote(Phase.PROPOSE, 0, 1, block.hash(), 0));
    v().onMessage(new Announce(0, 1, 0, key(leader), block.hash(), other.encoded(), sig), 0);
    ProposedBlock wrongParent =
        TestBlocks.build(1, Hash32.fromHex("22".repeat(32)), Optional.empty(), 3, true);
    v().onMessage(announce(leader, wrongParent, 0), 0);
    assertThat(rejected(Rejection.INVALID_BLOCK)).isEqualTo(3);
  }

  @Test
  void shouldRejectMessagesForAnotherShardAndUndecodableBytes() {
    Announce a = announce(leader, block, 0);
    v().onMessage(
            new Announce(7, 1, 0, a.sender(), a.blockHash(), a.block(), a.proposerSignature()), 0);
    v().onMessage(Bytes.fromHex("01ff00"), 0);
    assertThat(rejected(Rejection.WRONG_SHARD)).isEqualTo(1);
    assertThat(rejected(Rejection.MALFORMED)).isEqualTo(1);
  }

  @Test
  void shouldRejectAPreparedCertificateWhoseBitmapClaimsANonSigner() {
    v().onMessage(announce(leader, block, 0), 0);
    QuorumCertificate forged =
        certificate(Phase.PREPARE, block.hash(), List.of(0, 1, 2), List.of(0, 1, 3));
    List<Output> out = v().onMessage(new Certified(0, key(leader), forged), 0);
    assertThat(rejected(Rejection.BAD_AGGREGATE)).isEqualTo(1);
    assertThat(out).noneMatch(o -> o instanceof Output.Broadcast);
  }

  @Test
  void shouldRejectAPreparedCertificateWithoutQuorum() {
    v().onMessage(announce(leader, block, 0), 0);
    QuorumCertificate two = certificate(Phase.PREPARE, block.hash(), List.of(0, 1), List.of(0, 1));
    v().onMessage(new Certified(0, key(leader), two), 0);
    assertThat(rejected(Rejection.NO_QUORUM)).isEqualTo(1);
  }

  @Test
  void shouldCommitAfterAValidPreparedCertificate() {
    v().onMessage(announce(leader, block, 0), 0);
    QuorumCertificate qc =
        certificate(Phase.PREPARE, block.hash(), List.of(0, 1, 2), List.of(0, 1, 2));
    List<Output> out = v().onMessage(new Certified(0, key(leader), qc), 0);
    assertThat(out)
        .anyMatch(
            o ->
                o instanceof Output.Broadcast b
                    && b.message() instanceof Vote vt
                    && vt.phase() == Phase.COMMIT);
  }

  @Test
  void shouldFinalizeOnACommitProofAndRejectItsReplayAsOldHeight() {
    v().onMessage(announce(leader, block, 0), 0);
    QuorumCertificate commit =
        certificate(Phase.COMMIT, block.hash(), List.of(1, 2, 3), List.of(1, 2, 3));
    List<Output> out = v().onMessage(new Certified(0, key(leader), commit), 0);
    assertThat(out)
        .anyMatch(o -> o instanceof Output.Finalized f && f.block().hash().equals(block.hash()));
    v().onMessage(new Certified(0, key(leader), commit), 0);
    assertThat(rejected(Rejection.OLD_HEIGHT)).isEqualTo(1);
    assertThat(v().height()).isEqualTo(2);
  }

  @Test
  void leaderShouldRejectVotesForAnUnknownBlockAndRecordDoubleSigning() {
    FbftMachine l = cluster.machines.get(leader);
    cluster.advance(0);
    Hash32 proposed =
        cluster.outputsOf(leader, Output.Broadcast.class).stream()
            .map(Output.Broadcast::message)
            .filter(m -> m instanceof Announce)
            .map(m -> ((Announce) m).blockHash())
            .findFirst()
            .orElseThrow();
    int j = (leader + 1) % 4;
    l.onMessage(vote(Phase.PREPARE, j, proposed, 0), 0);
    Hash32 unknown = Hash32.fromHex("33".repeat(32));
    List<Output> out = l.onMessage(vote(Phase.PREPARE, j, unknown, 0), 0);
    assertThat(l.metrics().rejected(Rejection.UNKNOWN_BLOCK)).isEqualTo(1);
    DoubleSignEvidence e =
        out.stream()
            .filter(o -> o instanceof Output.Evidence)
            .map(o -> ((Output.Evidence) o).evidence())
            .findFirst()
            .orElseThrow();
    assertThat(e.signer()).isEqualTo(key(j));
    assertThat(e.phase()).isEqualTo(Phase.PREPARE);
    assertThat(e.verify(cluster.scheme)).isTrue();
    l.onMessage(vote(Phase.PREPARE, j, Hash32.fromHex("44".repeat(32)), 0), 0);
    assertThat(l.metrics().evidenceEmitted()).as("one offence, one evidence").isEqualTo(1);
  }

  @Test
  void nonLeaderShouldEmitOneVerifiableEvidencePerPhaseForConflictingVotesWithoutCountingThem() {
    int j = (validator + 1) % 4 == leader ? (validator + 2) % 4 : (validator + 1) % 4;
    for (Phase phase : List.of(Phase.PREPARE, Phase.COMMIT)) {
      List<Output> first = v().onMessage(vote(phase, j, Hash32.fromHex("33".repeat(32)), 0), 0);
      List<Output> second = v().onMessage(vote(phase, j, Hash32.fromHex("44".repeat(32)), 0), 0);
      assertThat(first)
          .noneMatch(o -> o instanceof Output.Evidence || o instanceof Output.Broadcast);
      assertThat(second)
          .as("a non-leader still sends nothing for votes")
          .noneMatch(o -> o instanceof Output.Broadcast);
      List<DoubleSignEvidence> found =
          second.stream()
              .filter(o -> o instanceof Output.Evidence)
              .map(o -> ((Output.Evidence) o).evidence())
              .toList();
      assertThat(found)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.signer()).isEqualTo(key(j));
                assertThat(e.phase()).isEqualTo(phase);
                assertThat(e.height()).isEqualTo(1);
                assertThat(e.verify(cluster.scheme)).isTrue();
              });
      v().onMessage(vote(phase, j, Hash32.fromHex("55".repeat(32)), 0), 0);
    }
    assertThat(v().metrics().evidenceEmitted()).as("one evidence per offence").isEqualTo(2);
    assertThat(v().metrics().acceptedMessages())
        .as("votes are not counted by a non-leader")
        .isZero();
  }

  @Test
  void nonLeaderShouldIgnoreAForgedConflictingVoteThenReportTheRealOne() {
    int j = (validator + 1) % 4 == leader ? (validator + 2) % 4 : (validator + 1) % 4;
    Hash32 other = Hash32.fromHex("44".repeat(32));
    v().onMessage(vote(Phase.PREPARE, j, Hash32.fromHex("33".repeat(32)), 0), 0);
    ValidatorSignature wrongKey = vote(Phase.PREPARE, leader, other, 0).signature();
    List<Output> forged =
        v().onMessage(new Vote(Phase.PREPARE, 0, 1, 0, key(j), other, wrongKey), 0);
    assertThat(forged).noneMatch(o -> o instanceof Output.Evidence);
    assertThat(rejected(Rejection.BAD_SIGNATURE)).isEqualTo(1);
    List<Output> real = v().onMessage(vote(Phase.PREPARE, j, other, 0), 0);
    assertThat(real)
        .filteredOn(o -> o instanceof Output.Evidence)
        .singleElement()
        .satisfies(
            o -> assertThat(((Output.Evidence) o).evidence().verify(cluster.scheme)).isTrue());
  }

  @Test
  void nonLeaderShouldDetectADoubleSignArrivingAfterItMovedToALaterView() {
    int j = (validator + 1) % 4 == leader ? (validator + 2) % 4 : (validator + 1) % 4;
    v().onMessage(vote(Phase.PREPARE, j, Hash32.fromHex("33".repeat(32)), 0), 0);
    v().onTick(10_000_000);
    assertThat(v().inViewChange()).isTrue();
    List<Output> late =
        v().onMessage(vote(Phase.PREPARE, j, Hash32.fromHex("44".repeat(32)), 0), 10_000_000);
    assertThat(rejected(Rejection.OLD_VIEW)).isEqualTo(1);
    assertThat(late).filteredOn(o -> o instanceof Output.Evidence).hasSize(1);
  }

  @Test
  void leaderShouldRejectAVoteWithAForgedSignature() {
    FbftMachine l = cluster.machines.get(leader);
    int j = (leader + 1) % 4;
    Vote good = vote(Phase.PREPARE, j, block.hash(), 0);
    Vote forged =
        new Vote(
            Phase.PREPARE,
            0,
            1,
            0,
            key(j),
            block.hash(),
            vote(Phase.PREPARE, (j + 1) % 4, block.hash(), 0).signature());
    l.onMessage(forged, 0);
    assertThat(l.metrics().rejected(Rejection.BAD_SIGNATURE)).isEqualTo(1);
    assertThat(good.signature()).isNotEqualTo(forged.signature());
  }

  @Test
  void shouldRejectAReplayedAnnounceOfAnOlderView() {
    cluster.drop = (e, to) -> true;
    cluster.advance(5_000);
    assertThat(v().viewId()).isEqualTo(1);
    v().onMessage(announce(leader, block, 0), cluster.now);
    assertThat(rejected(Rejection.OLD_VIEW)).isEqualTo(1);
  }

  @Test
  void shouldRequestSyncForMessagesOfLaterHeightsAndApplyACheckedSyncedBlock() {
    cluster.down[validator] = true;
    cluster.run(3_000);
    List<Output.Finalized> chain = cluster.finalized(leader);
    assertThat(chain).hasSizeGreaterThanOrEqualTo(2);
    QuorumCertificate proof = chain.get(0).commitProof();
    QuorumCertificate forged =
        new QuorumCertificate(
            Phase.COMMIT,
            1,
            proof.viewId(),
            proof.blockHash(),
            proof.aggregate(),
            SignerBitmap.of(4, IntStream.range(0, 4).boxed().toList()));
    Bytes firstBlock = chain.get(0).block().encoded();
    assertThat(proof.signers().count()).as("the leader certifies at the first quorum").isEqualTo(3);
    v().onSyncedBlock(firstBlock, forged, 0);
    assertThat(rejected(Rejection.BAD_AGGREGATE)).isEqualTo(1);
    assertThat(v().height()).isEqualTo(1);
    List<Output> out = v().onSyncedBlock(firstBlock, proof, 0);
    assertThat(out).anyMatch(o -> o instanceof Output.Finalized);
    assertThat(v().height()).isEqualTo(2);
    Announce later =
        (Announce)
            cluster.outputsOf(cluster.leader(3, 0), Output.Broadcast.class).stream()
                .map(Output.Broadcast::message)
                .filter(m -> m instanceof Announce && m.height() == 3)
                .findFirst()
                .orElseThrow();
    assertThat(v().onMessage(later, 0)).contains(new Output.RequestSync(2));
  }
}
