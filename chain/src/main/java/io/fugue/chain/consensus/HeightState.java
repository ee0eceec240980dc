package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The height being decided: the finalized head it builds on, its committee (asked of the {@link
 * CommitteeSource} once per height, so a committee change at an epoch boundary is an input, not a
 * code change), the blocks accepted for it, the highest prepared certificate this member saw and
 * the view changes collected. Invariant: everything here belongs to {@code head.height() + 1};
 * {@link #enter} replaces it all at once.
 */
final class HeightState {
  private final Map<Hash32, ProposedBlock> blocks = new HashMap<>();
  private ChainHead head;
  private long height;
  private Committee committee;
  private QuorumCertificate highestPrepared;
  private ViewChangeBook viewChanges = new ViewChangeBook();
  private long newViewSentFor = -1;
  private LateCommits lateCommits;

  /**
   * The previous height's commit votes as its leader collected them, still open to votes that
   * arrive after the quorum: the next block's header then names every signer that voted in time
   * (docs/staking.md, availability), not only the first quorum.
   */
  record LateCommits(long height, Committee committee, VoteBook book) {}

  HeightState(ChainHead head) {
    this.head = Objects.requireNonNull(head, "head");
  }

  /** Moves to the height above {@code newHead}, with the committee that votes on it. */
  void enter(ChainHead newHead, Committee newCommittee) {
    enter(newHead, newCommittee, null);
  }

  /** As above, keeping the finalized height's own commit {@code votes} open for late ones. */
  void enter(ChainHead newHead, Committee newCommittee, LateCommits votes) {
    lateCommits = votes;
    head = Objects.requireNonNull(newHead, "newHead");
    height = newHead.height() + 1;
    committee = Objects.requireNonNull(newCommittee, "newCommittee");
    viewChanges = new ViewChangeBook();
    highestPrepared = null;
    newViewSentFor = -1;
    blocks.clear();
  }

  ChainHead head() {
    return head;
  }

  Optional<LateCommits> lateCommits() {
    return Optional.ofNullable(lateCommits);
  }

  /**
   * The commit proof of the head to build on: the head's own, or — when late commit votes came in —
   * one over every commit vote collected.
   */
  Optional<QuorumCertificate> commitProofToBuildOn(SignatureScheme scheme) {
    Optional<QuorumCertificate> own = head.commitProof();
    if (lateCommits == null
        || own.isEmpty()
        || lateCommits.book().size() <= own.get().signers().count()
        || !lateCommits.book().blockHash().equals(own.get().blockHash())
        || lateCommits.book().viewId() != own.get().viewId()) {
      return own;
    }
    return Optional.of(lateCommits.book().certifyAll(lateCommits.committee(), scheme));
  }

  long height() {
    return height;
  }

  Committee committee() {
    return committee;
  }

  int leaderIndex(LeaderSchedule leaders, long viewId) {
    return leaders.leaderIndex(committee, height, viewId);
  }

  boolean isLeader(LeaderSchedule leaders, long viewId, ValidatorKey self) {
    return committee.member(leaderIndex(leaders, viewId)).equals(self);
  }

  Optional<ProposedBlock> block(Hash32 hash) {
    return Optional.ofNullable(blocks.get(hash));
  }

  /** The accepted blocks by hash, read-only. */
  Map<Hash32, ProposedBlock> blocks() {
    return Collections.unmodifiableMap(blocks);
  }

  /**
   * Remembers a block of this height (checked by {@link BlockAcceptor}, or built by this member).
   */
  void addBlock(ProposedBlock b) {
    blocks.putIfAbsent(b.hash(), b);
  }

  Optional<QuorumCertificate> highestPrepared() {
    return Optional.ofNullable(highestPrepared);
  }

  /** Keeps {@code qc} if it is from a higher view than the one held; its block must be known. */
  void notePrepared(QuorumCertificate qc) {
    if (!blocks.containsKey(qc.blockHash())) {
      throw new IllegalStateException(
          "prepared certificate for a block not accepted at this height");
    }
    if (highestPrepared == null || qc.viewId() > highestPrepared.viewId()) {
      highestPrepared = qc;
    }
  }

  ViewChangeBook viewChanges() {
    return viewChanges;
  }

  /** True once for each view above the last one this member sent a NEWVIEW for. */
  boolean newViewDueFor(long viewId) {
    return viewId > newViewSentFor;
  }

  void markNewViewSent(long viewId) {
    newViewSentFor = viewId;
  }

  /**
   * What to persist before voting in {@code viewId}: never vote twice in a view, keep the prepared
   * block.
   */
  SafetyRecord safetyRecord(long viewId) {
    Bytes preparedBlock =
        highestPrepared == null ? Bytes.EMPTY : blocks.get(highestPrepared.blockHash()).encoded();
    return new SafetyRecord(height, viewId, Optional.ofNullable(highestPrepared), preparedBlock);
  }
}
