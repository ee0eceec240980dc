package io.fugue.chain.staking;

import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.ShardId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The elected committee of one shard for one epoch, slots in ascending key order. */
public record ShardCommittee(ShardId shard, List<Slot> slots) {
  public ShardCommittee {
    Objects.requireNonNull(shard, "shard");
    slots = List.copyOf(slots);
    if (slots.isEmpty() || slots.size() > 0xFFFF) {
      throw new IllegalArgumentException(
          "shard " + shard + " committee size out of range: " + slots.size());
    }
    for (int i = 1; i < slots.size(); i++) {
      if (slots.get(i - 1).key().compareTo(slots.get(i).key()) >= 0) {
        throw new IllegalArgumentException(
            "shard " + shard + " slots not in strictly ascending key order at " + i);
      }
    }
  }

  /** The consensus committee: the slots' keys with their voting power. */
  public Committee committee() {
    List<ValidatorKey> keys = new ArrayList<>(slots.size());
    List<Long> power = new ArrayList<>(slots.size());
    for (Slot s : slots) {
      keys.add(s.key());
      power.add(s.votingPower());
    }
    return Committee.weighted(keys, power);
  }

  public long totalPower() {
    long total = 0;
    for (Slot s : slots) {
      total += s.votingPower();
    }
    return total;
  }
}
