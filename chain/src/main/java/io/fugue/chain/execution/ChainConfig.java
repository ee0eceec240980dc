package io.fugue.chain.execution;

import io.fugue.chain.ledger.LedgerLimits;
import java.util.Objects;

/**
 * The consensus rules of a network that execution needs, taken from its genesis: every node of the
 * network must hold the same values.
 *
 * @param chainId replay protection: transactions of another chain id are rejected
 * @param shardCount number of shards; valid shard ids are {@code 0..shardCount-1}
 * @param blocksPerEpoch a block's epoch is {@code number / blocksPerEpoch}
 * @param blockTimeMillis target interval between blocks
 * @param maxClockDriftMillis how far in the future a received block's timestamp may be
 * @param rateLimits the transfer throttle
 * @param rewards block rewards by epoch
 * @param limits size limits of encoded objects
 */
public record ChainConfig(
    long chainId,
    int shardCount,
    long blocksPerEpoch,
    long blockTimeMillis,
    long maxClockDriftMillis,
    RateLimits rateLimits,
    RewardSchedule rewards,
    LedgerLimits limits) {
  public ChainConfig {
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(rewards, "rewards");
    Objects.requireNonNull(limits, "limits");
    if (chainId < 0
        || shardCount < 1
        || blocksPerEpoch < 1
        || blockTimeMillis < 1
        || maxClockDriftMillis < 0) {
      throw new IllegalArgumentException(
          "invalid chain config: chainId "
              + chainId
              + ", shards "
              + shardCount
              + ", blocksPerEpoch "
              + blocksPerEpoch
              + ", blockTime "
              + blockTimeMillis);
    }
  }

  /** The epoch of block {@code number}. */
  public long epochOf(long number) {
    return number / blocksPerEpoch;
  }
}
