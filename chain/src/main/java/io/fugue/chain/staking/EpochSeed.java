package io.fugue.chain.staking;

import io.fugue.chain.primitives.Hash32;

/**
 * Where the shard placement randomness of an epoch comes from. The first implementation derives it
 * from the beacon chain's finalized commit signatures (a leader can bias it by withholding a
 * block); the VRF+VDF randomness of issue 15 replaces only the implementation.
 */
public interface EpochSeed {
  /** The seed used to place the committees of {@code epoch}. */
  Hash32 seed(long epoch);
}
