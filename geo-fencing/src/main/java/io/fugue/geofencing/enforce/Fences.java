package io.fugue.geofencing.enforce;

import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.state.StateView;
import io.fugue.geofencing.ledger.Fence;
import io.fugue.geofencing.ledger.FenceState;
import io.fugue.geofencing.policy.FenceId;
import java.util.ArrayList;
import java.util.List;

/** Reads of the fences in force, shared by the enforcement points. */
public final class Fences {
  private Fences() {}

  /** The fence versions in force at {@code height} that cover {@code shard}, in fence order. */
  public static List<Fence> onShard(StateView beacon, ShardId shard, long height) {
    List<Fence> out = new ArrayList<>();
    long n = FenceState.fenceCount(beacon);
    for (long offset = 0; offset < n; offset += FenceState.MAX_PAGE) {
      for (FenceId id : FenceState.fenceIds(beacon, offset, FenceState.MAX_PAGE)) {
        FenceState.inForce(beacon, id, height)
            .filter(f -> f.policy().shards().contains(shard))
            .ifPresent(out::add);
      }
    }
    return out;
  }
}
