package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Hash32;
import java.util.List;

/**
 * Step 5 of the {@link Election}: which shard each elected key sits in. Must be a deterministic
 * function of its arguments (and of whatever the implementation was built with, such as the
 * previous shard state), since every node recomputes and checks the proposed shard state.
 */
@FunctionalInterface
public interface Placement {
  /** Marks a winner that no shard may seat (a fenced-out key): it sits out the epoch. */
  int NOT_SEATED = -1;

  /** The original placement: a seeded Fisher–Yates shuffle dealt round-robin over the shards. */
  Placement UNIFORM = Election::uniformPlacement;

  /**
   * The shard index (0..shardCount−1) of each winner, index-aligned with {@code winnersByKey}
   * (ascending key order), or {@link #NOT_SEATED}.
   */
  int[] place(long epoch, List<ValidatorKey> winnersByKey, int shardCount, Hash32 seed);
}
