package io.fugue.api.model;

import java.util.List;

/**
 * An account's delegations (self-stake included), its undelegations still locked, and its reward
 * balance not yet collected (amounts in base units as decimal strings).
 */
public record DelegatorView(
    AccountAddress account,
    List<Delegation> delegations,
    List<Undelegation> undelegations,
    String uncollectedRewards) {
  public DelegatorView {
    delegations = List.copyOf(delegations);
    undelegations = List.copyOf(undelegations);
  }

  /** An amount delegated to a validator. */
  public record Delegation(AccountAddress validator, String amount) {}

  /** An amount undelegated, returned to the balance at the end of {@code releaseEpoch}. */
  public record Undelegation(AccountAddress validator, String amount, long releaseEpoch) {}
}
