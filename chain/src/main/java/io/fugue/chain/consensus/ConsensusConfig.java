package io.fugue.chain.consensus;

import java.util.Objects;

/**
 * Consensus settings of one shard. Timeouts are per phase; the timeout of view {@code v} at a
 * height is {@code base · (v + 1)}, capped at {@code maxTimeoutMillis}: it grows with each failed
 * view until it exceeds the actual message delay, but linearly, so that a member that fell a few
 * views behind (after a restart or a partition) is not left waiting minutes for the others to reach
 * its view.
 *
 * @param blocksPerLeader K: a leader proposes K consecutive heights before the next one takes over
 * @param blockIntervalMillis the leader waits this long after the parent was finalized
 * @param phaseTimeoutMillis waiting for the proposal, PREPARED or COMMITTED in view 0
 * @param viewChangeTimeoutMillis waiting for NEWVIEW in view 1
 * @param syncRetryMillis minimum time between two sync requests
 */
public record ConsensusConfig(
    int shard,
    long blocksPerLeader,
    long blockIntervalMillis,
    long phaseTimeoutMillis,
    long viewChangeTimeoutMillis,
    long maxTimeoutMillis,
    long syncRetryMillis,
    ConsensusLimits limits) {

  public ConsensusConfig {
    Objects.requireNonNull(limits, "limits");
    if (shard < 0
        || blocksPerLeader < 1
        || blockIntervalMillis < 0
        || phaseTimeoutMillis < 1
        || viewChangeTimeoutMillis < 1
        || maxTimeoutMillis < Math.max(phaseTimeoutMillis, viewChangeTimeoutMillis)
        || syncRetryMillis < 1) {
      throw new IllegalArgumentException("inconsistent consensus config");
    }
  }

  /** Shard 0, K = 4, 1 s blocks, 4 s phase and view-change timeouts capped at 5 minutes. */
  public static ConsensusConfig defaults() {
    return new ConsensusConfig(
        0, 4, 1_000, 4_000, 4_000, 300_000, 1_000, ConsensusLimits.defaults());
  }

  public ConsensusConfig withShard(int value) {
    return new ConsensusConfig(
        value,
        blocksPerLeader,
        blockIntervalMillis,
        phaseTimeoutMillis,
        viewChangeTimeoutMillis,
        maxTimeoutMillis,
        syncRetryMillis,
        limits);
  }

  public ConsensusConfig withBlocksPerLeader(long value) {
    return new ConsensusConfig(
        shard,
        value,
        blockIntervalMillis,
        phaseTimeoutMillis,
        viewChangeTimeoutMillis,
        maxTimeoutMillis,
        syncRetryMillis,
        limits);
  }

  public ConsensusConfig withTimings(
      long blockInterval, long phaseTimeout, long viewChangeTimeout, long maxTimeout) {
    return new ConsensusConfig(
        shard,
        blocksPerLeader,
        blockInterval,
        phaseTimeout,
        viewChangeTimeout,
        maxTimeout,
        syncRetryMillis,
        limits);
  }

  /** The timeout for view {@code view} at one height: base · (view + 1), capped. */
  public long backoff(long baseMillis, long view) {
    long factor = Math.min(view, Integer.MAX_VALUE) + 1;
    return baseMillis > maxTimeoutMillis / factor ? maxTimeoutMillis : baseMillis * factor;
  }
}
