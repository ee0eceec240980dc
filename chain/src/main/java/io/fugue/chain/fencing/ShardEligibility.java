package io.fugue.chain.fencing;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;

/**
 * Whether a validator key may sit on a shard's committee. Unfenced shards accept every key; a
 * fenced shard accepts only keys whose node holds a valid location claim inside the fence. Must be
 * a deterministic function of its arguments, since every node judges the same committee.
 */
@FunctionalInterface
public interface ShardEligibility {
  /** Every key is eligible everywhere: the behaviour of a network without fences. */
  ShardEligibility UNFENCED = (key, shard, beaconState, beaconHeight) -> Validation.ACCEPT;

  /**
   * {@link Validation#ACCEPT} if {@code key} may serve on {@code shard}, judged on {@code
   * beaconState} at {@code beaconHeight}; a {@link Validation.Reject} naming the reason otherwise.
   */
  Validation eligible(BlsPublicKey key, ShardId shard, StateView beaconState, long beaconHeight);
}
