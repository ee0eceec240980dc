package io.fugue.geofencing.enforce;

import io.fugue.chain.fencing.PeerAdmission;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.geofencing.ledger.Fence;
import io.fugue.geofencing.location.LocationClaim;
import io.fugue.geofencing.location.LocationRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  public FenceAdmission(Supplier<StateView> beaconState, LongSupplier beaconHeight) {
    this.beaconState = Objects.requireNonNull(beaconState, "beaconState");
    this.beaconHeight = Objects.requireNonNull(beaconHeight, "beaconHeight");
  }

  @Override
  public Validation admit(PeerId peer, ShardId shard) {
    StateView state = beaconState.get();
    long height = beaconHeight.getAsLong();
    List<Fence> fences = Fences.onShard(state, shard, height);
    if (fences.isEmpty()) {
      return Validation.ACCEPT;
    }
    Optional<LocationClaim> claim = LocationRules.validClaim(state, peer, height);
    if (claim.isEmpty()) {
      return Validation.reject(
          "peer " + peer + " has no valid location claim; shard " + shard + " is fenced");
    }
    for (Fence f : fences) {
      if (!f.policy().covers(claim.get().country())) {
        return Validation.reject(
            "peer "
                + peer
                + " is attested in "
                + claim.get().country()
                + ", outside fence "
                + f.id());
      }
    }
    return Validation.ACCEPT;
  }
}
