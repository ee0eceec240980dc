package io.fugue.chain.genesis;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The initial state of one shard: account balances and the epoch-0 committee (BLS keys, one per
 * slot, in slot order).
 */
public record ShardGenesis(
    ShardId shardId, Map<Address, Uint256> allocations, List<BlsPublicKey> committee) {
  public ShardGenesis {
    Objects.requireNonNull(shardId, "shardId");
    allocations = Collections.unmodifiableMap(new TreeMap<>(allocations));
    committee = List.copyOf(committee);
    if (committee.isEmpty()) {
      throw new IllegalArgumentException(
          "shard " + shardId + " needs a committee of at least one key");
    }
  }
}
