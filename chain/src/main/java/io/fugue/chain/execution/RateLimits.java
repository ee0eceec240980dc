package io.fugue.chain.execution;

import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/**
 * The transfer throttle of the first mainnet stage (after Harmony's 2019 throttling, see
 * docs/protocol.md "Execution"), set in genesis and part of consensus: a block that breaks an
 * active limit is invalid. Active for every block whose epoch is below {@code liftedFromEpoch}.
 *
 * @param maxValuePerTransaction largest value one transfer may move
 * @param maxTransactionsPerSenderPerHour most transactions of one sender in blocks whose timestamps
 *     lie in the hour up to and including the block's own timestamp
 * @param maxTransactionsPerBlock most transactions in one block
 * @param maxPoolTransactions most transactions a node's pool holds (local policy, not consensus)
 * @param liftedFromEpoch first epoch without limits; {@link Long#MAX_VALUE} for never
 */
public record RateLimits(
    Uint256 maxValuePerTransaction,
    int maxTransactionsPerSenderPerHour,
    int maxTransactionsPerBlock,
    int maxPoolTransactions,
    long liftedFromEpoch) {
  /** The window of the per-sender count. */
  public static final long WINDOW_MILLIS = 3_600_000L;

  public static final long NEVER_LIFTED = Long.MAX_VALUE;

  public RateLimits {
    Objects.requireNonNull(maxValuePerTransaction, "maxValuePerTransaction");
    if (maxTransactionsPerSenderPerHour < 1
        || maxTransactionsPerBlock < 1
        || maxPoolTransactions < 1
        || liftedFromEpoch < 0) {
      throw new IllegalArgumentException(
          "rate limits must be positive, got "
              + maxTransactionsPerSenderPerHour
              + "/"
              + maxTransactionsPerBlock
              + "/"
              + maxPoolTransactions
              + " from epoch "
              + liftedFromEpoch);
    }
  }

  /** No limits at all: lifted from epoch 0. */
  public static RateLimits none() {
    return new RateLimits(Uint256.MAX, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);
  }

  /** Whether the limits apply to a block of {@code epoch}. */
  public boolean activeAt(long epoch) {
    return epoch < liftedFromEpoch;
  }
}
