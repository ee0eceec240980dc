package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.BlockState;
import io.fugue.chain.state.StateWriter;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.KvTransaction;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Block 0 of one shard and the state its state root commits to: the allocations, then what {@code
 * seed} writes (the beacon chain's genesis staking records). Produced by {@code
 * io.fugue.chain.genesis}; {@link Blockchain} writes it into an empty database.
 */
public record GenesisState(
    Block block, Map<Address, Uint256> allocations, Consumer<StateWriter> seed) {
  /** Block 0 whose state is the allocations alone. */
  public GenesisState(Block block, Map<Address, Uint256> allocations) {
    this(block, allocations, state -> {});
  }

  public GenesisState {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(seed, "seed");
    allocations = Map.copyOf(allocations);
    if (block.header().number() != 0) {
      throw new IllegalArgumentException("a genesis block is number 0");
    }
  }

  /** Writes the allocations onto the empty state inside {@code tx}; returns the state root. */
  public static Hash32 writeAllocations(
      Map<Address, Uint256> allocations, WorldState world, KvTransaction tx) {
    return write(allocations, state -> {}, world, tx);
  }

  /** Writes this block's genesis state (allocations, then the seed) inside {@code tx}. */
  public Hash32 write(WorldState world, KvTransaction tx) {
    return write(allocations, seed, world, tx);
  }

  /** Writes allocations, then the seed, onto the empty state inside {@code tx}; the root. */
  public static Hash32 write(
      Map<Address, Uint256> allocations,
      Consumer<StateWriter> seed,
      WorldState world,
      KvTransaction tx) {
    BlockState state = world.newBlockState(WorldState.EMPTY_ROOT);
    new TreeMap<>(allocations)
        .forEach(
            (address, amount) ->
                state.setAccount(address.toBytes(), new Account(amount.toBigInteger(), 0)));
    seed.accept(state);
    return state.commit(tx);
  }
}
