package io.fugue.geofencing.enforce;

import io.fugue.chain.fencing.PeerAdmission;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.geofencing.audit.AuditSink;
import io.fugue.geofencing.ledger.Fence;
import io.fugue.geofencing.location.LocationClaim;
import io.fugue.geofencing.location.LocationRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Peer admission to fenced shards' gossip and sync (enforcement point 2): a peer is admitted to a
 * shard covered by fences in force only if its own current location claim (bound to its peer id)
 * holds at the node's beacon head and places it inside every such fence. Reads the node's current
 * beacon head state on each call, so an expired or revoked claim loses admission at once.
 */
public final class FenceAdmission implements PeerAdmission {
  private final Supplier<StateView> beaconState;
  private final LongSupplier beaconHeight;
  private final AuditSink audit;
  private static final int MAX_REMEMBERED = 10_000;
  private final Map<String, Boolean> lastDecision = new ConcurrentHashMap<>();

  public FenceAdmission(Supplier<StateView> beaconState, LongSupplier beaconHeight) {
    this(beaconState, beaconHeight, AuditSink.NONE);
  }

  /**
   * As above, recording to {@code audit} each decision on a fenced shard that differs from the
   * previous one for the same peer and shard (admitted, then refused once the claim expires…), so
   * per-message checks do not flood the log.
   */
  public FenceAdmission(
      Supplier<StateView> beaconState, LongSupplier beaconHeight, AuditSink audit) {
    this.beaconState = Objects.requireNonNull(beaconState, "beaconState");
    this.beaconHeight = Objects.requireNonNull(beaconHeight, "beaconHeight");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public Validation admit(PeerId peer, ShardId shard) {
    Optional<Validation> decision = decide(peer, shard);
    if (decision.isEmpty()) {
      return Validation.ACCEPT;
    }
    Validation v = decision.get();
    if (lastDecision.size() >= MAX_REMEMBERED) {
      // Peer ids are free to mint; forget rather than grow without bound (decisions re-logged).
      lastDecision.clear();
    }
    Boolean before = lastDecision.put(peer.value() + "/" + shard.value(), v.isAccepted());
    if (before == null || before != v.isAccepted()) {
      audit.record(
          v.isAccepted() ? "admitted" : "refused",
          peer.value(),
          "shard "
              + shard.value()
              + (v.isAccepted() ? " (inside every fence)" : ": " + v.reason()));
    }
    return v;
  }

  /** Empty for an unfenced shard, else the decision. */
  private Optional<Validation> decide(PeerId peer, ShardId shard) {
    StateView state = beaconState.get();
    long height = beaconHeight.getAsLong();
    List<Fence> fences = Fences.onShard(state, shard, height);
    if (fences.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocationClaim> claim = LocationRules.validClaim(state, peer, height);
    if (claim.isEmpty()) {
      return Optional.of(
          Validation.reject(
              "peer " + peer + " has no valid location claim; shard " + shard + " is fenced"));
    }
    for (Fence f : fences) {
      if (!f.policy().covers(claim.get().country())) {
        return Optional.of(
            Validation.reject(
                "peer "
                    + peer
                    + " is attested in "
                    + claim.get().country()
                    + ", outside fence "
                    + f.id()));
      }
    }
    return Optional.of(Validation.ACCEPT);
  }
}
