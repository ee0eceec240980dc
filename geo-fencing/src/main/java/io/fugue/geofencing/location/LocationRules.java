package io.fugue.geofencing.location;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.ledger.Appointee;
import io.fugue.geofencing.ledger.ComplianceGovernance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The locations module's state transition, pure and deterministic. Governance registers attestors
 * at its threshold of distinct votes. A claim is accepted when its signature recovers to a
 * registered attestor for this chain id, it has not expired, and none of its BLS keys is bound to
 * another peer's current claim; it replaces the peer's earlier claim. A claim is revoked by its
 * attestor or by any governance member.
 */
public final class LocationRules {
  private final ComplianceGovernance governance;

  public LocationRules(ComplianceGovernance governance) {
    this.governance = Objects.requireNonNull(governance, "governance");
  }

  /** Why {@code tx} is refused at {@code height} on network {@code chainId}, or empty. */
  public Optional<String> check(
      LocationTx tx, Address sender, StateView state, long height, long chainId) {
    if (tx instanceof LocationTx.NominateAttestor n) {
      if (!governance.isMember(sender)) {
        return Optional.of("only a governance member may nominate a location attestor");
      }
      Optional<Appointee> a = LocationState.attestor(state, n.attestor());
      if (a.isPresent() && a.get().isRegistered()) {
        return Optional.of("account is already a location attestor");
      }
      if (a.isPresent() && a.get().votes().contains(sender)) {
        return Optional.of("this governance member has already voted for the attestor");
      }
      return Optional.empty();
    } else if (tx instanceof LocationTx.Publish p) {
      return checkPublish(p.claim(), state, height, chainId);
    } else if (tx instanceof LocationTx.Revoke r) {
      Optional<ClaimRecord> c = LocationState.claim(state, r.peer());
      if (c.isEmpty() || c.get().isRevoked()) {
        return Optional.of("peer " + r.peer() + " has no current location claim");
      }
      if (!governance.isMember(sender) && !c.get().attestor().equals(sender)) {
        return Optional.of("only the claim's attestor or a governance member may revoke it");
      }
      return Optional.empty();
    }
    return Optional.of("unknown location transaction");
  }

  private static Optional<String> checkPublish(
      LocationClaim claim, StateView state, long height, long chainId) {
    Optional<Address> signer = claim.signer(chainId);
    if (signer.isEmpty() || !LocationState.isAttestor(state, signer.get())) {
      return Optional.of("location claim is not signed by a registered attestor for this chain");
    }
    if (!claim.validAt(height)) {
      return Optional.of("location claim expired at height " + claim.validUntil());
    }
    for (BlsPublicKey k : claim.blsKeys()) {
      Optional<PeerId> owner = LocationState.peerOf(state, k);
      if (owner.isPresent() && !owner.get().equals(claim.peer())) {
        return Optional.of("BLS key " + k + " is bound to peer " + owner.get());
      }
    }
    return Optional.empty();
  }

  /** Applies {@code tx}; throws {@link GeoFencingException} with the reason, writing nothing. */
  public void apply(LocationTx tx, Address sender, StateWriter state, long height, long chainId) {
    Optional<String> rejection = check(tx, sender, state, height, chainId);
    if (rejection.isPresent()) {
      throw new GeoFencingException(rejection.get());
    }
    if (tx instanceof LocationTx.NominateAttestor n) {
      Appointee a =
          LocationState.attestor(state, n.attestor())
              .orElseGet(() -> new Appointee(n.attestor(), List.of(), -1))
              .withVote(sender);
      boolean reached = a.votes().size() >= governance.threshold();
      LocationState.putAttestor(state, reached ? a.registered(height) : a, reached);
    } else if (tx instanceof LocationTx.Publish p) {
      Address attestor = p.claim().signer(chainId).orElseThrow();
      LocationState.putClaim(state, new ClaimRecord(p.claim(), attestor, height, -1));
    } else if (tx instanceof LocationTx.Revoke r) {
      ClaimRecord c = LocationState.claim(state, r.peer()).orElseThrow();
      LocationState.putClaim(state, c.revoked(height));
    }
  }

  /**
   * The peer's claim if it holds at {@code height}: published, not revoked, not expired, and its
   * attestor still registered.
   */
  public static Optional<LocationClaim> validClaim(StateView state, PeerId peer, long height) {
    return LocationState.claim(state, peer)
        .filter(r -> r.holdsAt(height) && LocationState.isAttestor(state, r.attestor()))
        .map(ClaimRecord::claim);
  }
}
