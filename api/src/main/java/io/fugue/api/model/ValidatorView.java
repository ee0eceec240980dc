package io.fugue.api.model;

import java.util.List;

/**
 * A validator record with its seats in the head's epoch (amounts in base units as decimal strings;
 * status active, inactive or banned).
 */
public record ValidatorView(
    AccountAddress operator,
    String name,
    String website,
    String details,
    String securityContact,
    int commissionBps,
    int maxCommissionBps,
    int maxChangeBps,
    String minSelfDelegation,
    String maxTotalDelegation,
    List<HexBytes> keys,
    List<HexBytes> inactiveKeys,
    String status,
    String selfStake,
    String totalStake,
    String uncollectedRewards,
    List<SlotView> seats) {
  public ValidatorView {
    keys = List.copyOf(keys);
    inactiveKeys = List.copyOf(inactiveKeys);
    seats = List.copyOf(seats);
  }
}
