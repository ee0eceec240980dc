package io.fugue.geofencing.enforce;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.fencing.ShardEligibility;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.geofencing.ledger.Fence;
import io.fugue.geofencing.location.LocationClaim;
import io.fugue.geofencing.location.LocationRules;
import io.fugue.geofencing.location.LocationState;
import java.util.List;
import java.util.Optional;

/**
 * Committee eligibility for fenced shards (enforcement point 1): a key may serve on a shard that
 * fences in force cover only if its node's current location claim holds at the beacon height and
 * places it inside every such fence. Unfenced shards accept every key. Deterministic: a function of
 * beacon state and height only.
 */
public final class FenceEligibility implements ShardEligibility {
  @Override
  public Validation eligible(
      BlsPublicKey key, ShardId shard, StateView beaconState, long beaconHeight) {
    List<Fence> fences = Fences.onShard(beaconState, shard, beaconHeight);
    if (fences.isEmpty()) {
      return Validation.ACCEPT;
    }
    Optional<PeerId> peer = LocationState.peerOf(beaconState, key);
    if (peer.isEmpty()) {
      return Validation.reject(
          "key " + key + " has no location claim; shard " + shard + " is fenced");
    }
    Optional<LocationClaim> claim = LocationRules.validClaim(beaconState, peer.get(), beaconHeight);
    if (claim.isEmpty()) {
      return Validation.reject(
          "the location claim of peer " + peer.get() + " is expired, revoked or unattested");
    }
    for (Fence f : fences) {
      if (!f.policy().covers(claim.get().country())) {
        return Validation.reject(
            "peer "
                + peer.get()
                + " is attested in "
                + claim.get().country()
                + ", outside fence "
                + f.id()
                + " v"
                + f.version());
      }
    }
    return Validation.ACCEPT;
  }
}
