package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.Objects;
import java.util.Optional;

/**
 * The current view of a height: its number, whether it is still being changed to (VIEWCHANGE sent,
 * no NEWVIEW adopted yet), its one proposal, this member's PREPARE and COMMIT (each sent at most
 * once per view) and, at the leader, the vote collectors. Entering a view clears everything of the
 * last.
 */
final class RoundState {
  /**
   * Views further ahead than this are refused, which bounds what a Byzantine member can make us
   * store.
   */
  static final long MAX_VIEWS_AHEAD = 64;

  private long view;
  private boolean inViewChange;
  private ProposedBlock proposal;
  private boolean prepareSent;
  private boolean commitSent;
  private VoteBook prepares;
  private VoteBook commits;

  /** Enters {@code newView} with nothing proposed or voted. */
  void enter(long newView, boolean changing) {
    view = newView;
    inViewChange = changing;
    proposal = null;
    prepareSent = false;
    commitSent = false;
    prepares = null;
    commits = null;
  }

  long view() {
    return view;
  }

  boolean inViewChange() {
    return inViewChange;
  }

  boolean tooFarAhead(long viewId) {
    return viewId > view + MAX_VIEWS_AHEAD;
  }

  boolean hasProposal() {
    return proposal != null;
  }

  /** True if the view has a proposal with this hash. */
  boolean isProposal(Hash32 hash) {
    return proposal != null && proposal.hash().equals(hash);
  }

  /**
   * The one proposal of the view; a second is a bug (callers reject it as a duplicate or
   * equivocation).
   */
  void adopt(ProposedBlock b) {
    if (proposal != null) {
      throw new IllegalStateException("view " + view + " already has a proposal");
    }
    proposal = Objects.requireNonNull(b, "b");
  }

  /** True the first time this member prepares in this view. */
  boolean markPrepareSent() {
    if (prepareSent) {
      return false;
    }
    prepareSent = true;
    return true;
  }

  boolean commitSent() {
    return commitSent;
  }

  void markCommitSent() {
    commitSent = true;
  }

  /** The leader's collector of one phase's votes for the proposal, made on first use. */
  /** The commit votes this member (as leader) collected in this view, if any. */
  Optional<VoteBook> commitVotes() {
    return Optional.ofNullable(commits);
  }

  VoteBook votes(Phase phase, long height) {
    if (proposal == null) {
      throw new IllegalStateException("no proposal to collect votes for in view " + view);
    }
    Hash32 hash = proposal.hash();
    if (phase == Phase.PREPARE) {
      return prepares != null ? prepares : (prepares = new VoteBook(phase, height, view, hash));
    }
    return commits != null ? commits : (commits = new VoteBook(phase, height, view, hash));
  }
}
