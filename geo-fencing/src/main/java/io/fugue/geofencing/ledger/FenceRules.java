package io.fugue.geofencing.ledger;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fences module's state transition, pure and deterministic. {@link #check} answers without
 * writing; {@link #apply} checks again against the state it writes and writes only if it passes.
 *
 * <p>Rules: each governance member votes once per nominee; the threshold-th distinct vote registers
 * the officer. An officer proposes a version of a fence that amends its current latest version (0
 * for a new fence), to be in force from a beacon height after the proposal's; proposing counts as
 * the proposer's approval. Each other officer approves at most once; the k-th distinct approval
 * adopts the proposal as version base+1, in force from the later of its stated height and the next
 * block. A proposal whose base is no longer the fence's latest version is superseded and cannot be
 * approved. A version whose rules conflict with the latest version of another fence (a shared shard
 * and data class, different rules) is refused when proposed and again when adopted.
 */
public final class FenceRules {
  private final ComplianceGovernance governance;

  public FenceRules(ComplianceGovernance governance) {
    this.governance = Objects.requireNonNull(governance, "governance");
  }

  public ComplianceGovernance governance() {
    return governance;
  }

  /** Why {@code tx} from {@code sender} at beacon height {@code height} is refused, or empty. */
  public Optional<String> check(FenceTx tx, Address sender, StateView state, long height) {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(sender, "sender");
    if (tx instanceof FenceTx.NominateOfficer n) {
      return checkNominate(n, sender, state);
    } else if (tx instanceof FenceTx.Propose p) {
      return checkPropose(p, sender, state, height);
    } else if (tx instanceof FenceTx.Approve a) {
      return checkApprove(a, sender, state);
    }
    return Optional.of("unknown fence transaction");
  }

  /** Applies {@code tx}; throws {@link GeoFencingException} with the reason, writing nothing. */
  public void apply(FenceTx tx, Address sender, StateWriter state, long height) {
    Optional<String> rejection = check(tx, sender, state, height);
    if (rejection.isPresent()) {
      throw new GeoFencingException(rejection.get());
    }
    if (tx instanceof FenceTx.NominateOfficer n) {
      Appointee o =
          FenceState.officer(state, n.officer())
              .orElseGet(() -> new Appointee(n.officer(), List.of(), -1))
              .withVote(sender);
      if (o.votes().size() >= governance.threshold()) {
        o = o.registered(height);
        FenceState.appendOfficer(state, o.account());
      }
      FenceState.putOfficer(state, o);
    } else if (tx instanceof FenceTx.Propose p) {
      Proposal proposal =
          new Proposal(
              FenceState.nextProposalId(state),
              p.fence(),
              p.baseVersion(),
              p.policy(),
              p.effectiveHeight(),
              sender,
              List.of(sender),
              height,
              0);
      FenceState.insertProposal(state, proposal);
      adoptIfReached(state, proposal, height);
    } else if (tx instanceof FenceTx.Approve a) {
      Proposal p = FenceState.proposal(state, a.proposal()).orElseThrow().withApproval(sender);
      FenceState.putProposal(state, p);
      adoptIfReached(state, p, height);
    }
  }

  private void adoptIfReached(StateWriter state, Proposal p, long height) {
    if (p.approvals().size() < governance.fenceApprovals()) {
      return;
    }
    int version = p.baseVersion() + 1;
    long inForce = Math.max(p.effectiveHeight(), height + 1);
    FenceState.putFence(state, new Fence(p.fence(), version, p.policy(), inForce, height, p.id()));
    FenceState.putProposal(state, p.adopted(version));
  }

  private Optional<String> checkNominate(
      FenceTx.NominateOfficer n, Address sender, StateView state) {
    if (!governance.isMember(sender)) {
      return Optional.of("only a governance member may nominate a compliance officer");
    }
    Optional<Appointee> o = FenceState.officer(state, n.officer());
    if (o.isPresent() && o.get().isRegistered()) {
      return Optional.of("account is already a compliance officer");
    }
    if (o.isPresent() && o.get().votes().contains(sender)) {
      return Optional.of("this governance member has already voted for the officer");
    }
    return Optional.empty();
  }

  private Optional<String> checkPropose(
      FenceTx.Propose p, Address sender, StateView state, long height) {
    if (!FenceState.isOfficer(state, sender)) {
      return Optional.of("only a compliance officer may propose a fence");
    }
    int latest = FenceState.latestVersion(state, p.fence());
    if (p.baseVersion() != latest) {
      return Optional.of(
          "proposal amends version "
              + p.baseVersion()
              + " of fence "
              + p.fence()
              + " but its latest version is "
              + latest);
    }
    if (p.effectiveHeight() <= height) {
      return Optional.of(
          "effective height " + p.effectiveHeight() + " is not after the current " + height);
    }
    return conflict(state, p.fence(), p.policy());
  }

  private Optional<String> checkApprove(FenceTx.Approve a, Address sender, StateView state) {
    if (!FenceState.isOfficer(state, sender)) {
      return Optional.of("only a compliance officer may approve a fence proposal");
    }
    Optional<Proposal> found = FenceState.proposal(state, a.proposal());
    if (found.isEmpty()) {
      return Optional.of("no fence proposal " + a.proposal());
    }
    Proposal p = found.get();
    if (p.isAdopted()) {
      return Optional.of(
          "proposal " + p.id() + " is already adopted as version " + p.adoptedVersion());
    }
    int latest = FenceState.latestVersion(state, p.fence());
    if (latest != p.baseVersion()) {
      return Optional.of(
          "proposal "
              + p.id()
              + " is superseded: it amends version "
              + p.baseVersion()
              + " of fence "
              + p.fence()
              + ", now at version "
              + latest);
    }
    if (p.approvals().contains(sender)) {
      return Optional.of("this officer has already approved proposal " + p.id());
    }
    return conflict(state, p.fence(), p.policy());
  }

  private static Optional<String> conflict(StateView state, FenceId id, FencePolicy policy) {
    long n = FenceState.fenceCount(state);
    for (long offset = 0; offset < n; offset += FenceState.MAX_PAGE) {
      for (FenceId other : FenceState.fenceIds(state, offset, FenceState.MAX_PAGE)) {
        if (other.equals(id)) {
          continue;
        }
        Optional<Fence> f = FenceState.latest(state, other);
        if (f.isPresent() && f.get().policy().conflictsWith(policy)) {
          return Optional.of(
              "fence "
                  + id
                  + " overlaps fence "
                  + other
                  + " (version "
                  + f.get().version()
                  + ") on a shard and data class with different rules");
        }
      }
    }
    return Optional.empty();
  }
}
