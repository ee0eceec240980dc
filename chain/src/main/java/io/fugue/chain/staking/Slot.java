package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/**
 * One slot of a shard committee.
 *
 * @param key the BLS key that signs in this slot
 * @param validator the operator account of the validator owning the key
 * @param effectiveStake the key's stake after the median clamp
 * @param votingPower the slot's integer voting power (docs/staking.md, "Voting power")
 */
public record Slot(ValidatorKey key, Address validator, Uint256 effectiveStake, long votingPower) {
  public Slot {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(effectiveStake, "effectiveStake");
    if (votingPower <= 0) {
      throw new IllegalArgumentException("voting power must be positive, got " + votingPower);
    }
  }
}
