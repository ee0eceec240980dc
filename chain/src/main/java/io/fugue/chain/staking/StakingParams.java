package io.fugue.chain.staking;

import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/**
 * The genesis {@code staking} section (docs/genesis.md). Amounts are in the smallest unit; rates
 * are basis points (1 bps = 0.01 %, 10,000 bps = 100 %).
 *
 * @param epochBlocks beacon blocks per epoch (at least 1)
 * @param slotsPerShard committee slots (BLS keys) per shard
 * @param minSelfDelegation the network-wide minimum a validator stakes itself to be eligible
 * @param minDelegation the smallest delegation (and undelegation) accepted
 * @param maxKeysPerValidator how many BLS keys one validator may register
 * @param undelegationLockEpochs epochs an undelegated amount stays locked before it returns
 * @param doubleSignSlashBps share of the offender's stake slashed for a double sign
 * @param reporterShareBps share of the slashed amount paid to the reporter (rest burned)
 * @param shardCapBps the most of one shard's voting power a single validator may hold
 * @param availabilityThresholdBps a key that signed less than this share of its expected blocks in
 *     an epoch becomes inactive
 * @param maxCommissionChangeBps upper bound on a validator's own max change per epoch
 */
public record StakingParams(
    long epochBlocks,
    int slotsPerShard,
    Uint256 minSelfDelegation,
    Uint256 minDelegation,
    int maxKeysPerValidator,
    int undelegationLockEpochs,
    int doubleSignSlashBps,
    int reporterShareBps,
    int shardCapBps,
    int availabilityThresholdBps,
    int maxCommissionChangeBps) {
  public static final int BPS = 10_000;

  /** Keeps every shard committee within {@link io.fugue.chain.consensus.Committee}'s size. */
  public static final int MAX_SLOTS_PER_SHARD = 1_000;

  public static final int MAX_KEYS_PER_VALIDATOR = 64;

  public static final int MAX_UNDELEGATION_LOCK_EPOCHS = 1_000;

  public StakingParams {
    Objects.requireNonNull(minSelfDelegation, "minSelfDelegation");
    Objects.requireNonNull(minDelegation, "minDelegation");
    if (epochBlocks < 1) {
      throw new IllegalArgumentException("epochBlocks must be at least 1, got " + epochBlocks);
    }
    if (slotsPerShard < 1 || slotsPerShard > MAX_SLOTS_PER_SHARD) {
      throw new IllegalArgumentException(
          "slotsPerShard must be 1.." + MAX_SLOTS_PER_SHARD + ", got " + slotsPerShard);
    }
    if (minSelfDelegation.isZero()) {
      throw new IllegalArgumentException("minSelfDelegation must be positive");
    }
    if (minDelegation.isZero()) {
      throw new IllegalArgumentException("minDelegation must be positive");
    }
    if (maxKeysPerValidator < 1 || maxKeysPerValidator > MAX_KEYS_PER_VALIDATOR) {
      throw new IllegalArgumentException(
          "maxKeysPerValidator must be 1.."
              + MAX_KEYS_PER_VALIDATOR
              + ", got "
              + maxKeysPerValidator);
    }
    if (undelegationLockEpochs < 0 || undelegationLockEpochs > MAX_UNDELEGATION_LOCK_EPOCHS) {
      throw new IllegalArgumentException(
          "undelegationLockEpochs must be 0.."
              + MAX_UNDELEGATION_LOCK_EPOCHS
              + ", got "
              + undelegationLockEpochs);
    }
    requireBps("doubleSignSlashBps", doubleSignSlashBps, false);
    requireBps("reporterShareBps", reporterShareBps, false);
    requireBps("shardCapBps", shardCapBps, true);
    requireBps("availabilityThresholdBps", availabilityThresholdBps, false);
    requireBps("maxCommissionChangeBps", maxCommissionChangeBps, false);
  }

  /**
   * The epoch whose committee votes on beacon block {@code height}: ⌊(height − 1) / epochBlocks⌋
   * (block 0 and 1: epoch 0). Shifted by one block from the block's own epoch so that the shard
   * state the epoch's last block elects is stored before the first height it seats is voted on.
   */
  public long votingEpoch(long height) {
    return height <= 1 ? 0 : (height - 1) / epochBlocks;
  }

  private static void requireBps(String name, int value, boolean positive) {
    if (value < (positive ? 1 : 0) || value > BPS) {
      throw new IllegalArgumentException(
          name + " must be " + (positive ? 1 : 0) + ".." + BPS + " bps, got " + value);
    }
  }
}
