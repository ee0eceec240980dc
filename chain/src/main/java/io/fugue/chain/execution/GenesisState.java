package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.BlockState;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.KvTransaction;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Block 0 of one shard and the allocations its state root commits to. Produced by {@code
 * io.fugue.chain.genesis}; {@link Blockchain} writes it into an empty database.
 */
public record GenesisState(Block block, Map<Address, Uint256> allocations) {
  public GenesisState {
    Objects.requireNonNull(block, "block");
    allocations = Map.copyOf(allocations);
    if (block.header().number() != 0) {
      throw new IllegalArgumentException("a genesis block is number 0");
    }
  }

  /** Writes the allocations onto the empty state inside {@code tx}; returns the state root. */
  public static Hash32 writeAllocations(
      Map<Address, Uint256> allocations, WorldState world, KvTransaction tx) {
    BlockState state = world.newBlockState(WorldState.EMPTY_ROOT);
    new TreeMap<>(allocations)
        .forEach(
            (address, amount) ->
                state.setAccount(address.toBytes(), new Account(amount.toBigInteger(), 0)));
    return state.commit(tx);
  }
}
