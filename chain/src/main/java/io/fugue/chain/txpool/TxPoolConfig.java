package io.fugue.chain.txpool;

import java.time.Duration;
import java.util.Objects;

/**
 * Local policy of a node's transaction pool (not consensus).
 *
 * @param maxTransactions most transactions held in total (the genesis rate limit may lower it)
 * @param maxPerSender most transactions held for one sender
 * @param replacementBumpPercent a transaction replaces the one with the same sender and nonce only
 *     if its fee is at least this many percent higher (and strictly higher)
 * @param maxAge a transaction waiting longer than this is evicted as stale
 */
public record TxPoolConfig(
    int maxTransactions, int maxPerSender, int replacementBumpPercent, Duration maxAge) {
  public TxPoolConfig {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxTransactions < 1
        || maxPerSender < 1
        || replacementBumpPercent < 0
        || maxAge.isNegative()
        || maxAge.isZero()) {
      throw new IllegalArgumentException("invalid txpool config");
    }
  }

  /** 8,192 transactions, 64 per sender, a 10 % fee bump to replace, 3 hours to live. */
  public static TxPoolConfig defaults() {
    return new TxPoolConfig(8192, 64, 10, Duration.ofHours(3));
  }

  public TxPoolConfig withMaxTransactions(int value) {
    return new TxPoolConfig(value, maxPerSender, replacementBumpPercent, maxAge);
  }

  public TxPoolConfig withMaxPerSender(int value) {
    return new TxPoolConfig(maxTransactions, value, replacementBumpPercent, maxAge);
  }

  public TxPoolConfig withMaxAge(Duration value) {
    return new TxPoolConfig(maxTransactions, maxPerSender, replacementBumpPercent, value);
  }
}
