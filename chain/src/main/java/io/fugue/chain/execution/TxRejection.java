package io.fugue.chain.execution;

import java.util.Objects;

/**
 * Why a transaction cannot be included: a stable {@link Reason} for code and tests, and a detail
 * for people. Shared by the executor, the block validator and the txpool.
 */
public record TxRejection(Reason reason, String detail) {
  /** The kinds of rejection, in the order the executor checks them. */
  public enum Reason {
    OVERSIZE,
    UNKNOWN_TYPE,
    WRONG_CHAIN,
    WRONG_SHARD,
    BAD_SIGNATURE,
    NONCE_TOO_LOW,
    NONCE_TOO_HIGH,
    RATE_LIMIT,
    INSUFFICIENT_BALANCE,
    MODULE_REJECTED,
    DEFERRED,
    ALREADY_KNOWN,
    FEE_TOO_LOW,
    SENDER_FULL,
    POOL_FULL
  }

  public TxRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return reason + ": " + detail;
  }
}
