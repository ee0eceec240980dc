package io.fugue.api.model;

import java.util.List;

/**
 * The shard state elected for an epoch: per shard the slots in key order.
 *
 * @param shardStateHash the hash the beacon header of the electing block names
 * @param voting whether these committees vote (the epoch is at or after {@code electedFromEpoch});
 *     if not, the genesis committees vote in it
 */
public record EpochCommittees(
    long epoch, Digest shardStateHash, boolean voting, List<ShardCommittee> shards) {
  public EpochCommittees {
    shards = List.copyOf(shards);
  }

  /** One shard's committee. */
  public record ShardCommittee(int shard, long totalPower, List<SlotView> slots) {
    public ShardCommittee {
      slots = List.copyOf(slots);
    }
  }
}
