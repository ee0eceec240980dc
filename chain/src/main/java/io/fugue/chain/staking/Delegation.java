package io.fugue.chain.staking;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/** Stake {@code delegator} has delegated to {@code validator} (self-stake when they are equal). */
public record Delegation(Address delegator, Address validator, Uint256 amount) {
  public Delegation {
    Objects.requireNonNull(delegator, "delegator");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(amount, "amount");
  }
}
