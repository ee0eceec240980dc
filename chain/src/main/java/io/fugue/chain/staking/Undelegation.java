package io.fugue.chain.staking;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/** An undelegated amount, locked until the end of epoch {@code releaseEpoch}. */
public record Undelegation(
    Address delegator, Address validator, Uint256 amount, long releaseEpoch) {
  public Undelegation {
    Objects.requireNonNull(delegator, "delegator");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(amount, "amount");
    if (releaseEpoch < 0) {
      throw new IllegalArgumentException("releaseEpoch must not be negative");
    }
  }
}
