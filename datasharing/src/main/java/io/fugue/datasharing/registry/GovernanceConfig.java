package io.fugue.datasharing.registry;

import io.fugue.chain.primitives.Address;
import io.fugue.datasharing.DataSharingException;
import java.util.List;
import java.util.Objects;

/**
 * The governance key set fixed at genesis: its member accounts and the number k of distinct member
 * approvals that approve (or reinstate) an issuer. Any single member may suspend an issuer at once
 * (an emergency brake); undoing that takes k approvals again.
 *
 * @param members the governance accounts, 1 to 32, distinct
 * @param threshold k, 1 to the number of members
 */
public record GovernanceConfig(List<Address> members, int threshold) {
  public static final int MAX_MEMBERS = 32;

  public GovernanceConfig {
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    if (members.isEmpty() || members.size() > MAX_MEMBERS) {
      throw new DataSharingException(
          "governance needs 1 to " + MAX_MEMBERS + " members, got " + members.size());
    }
    if (members.stream().distinct().count() != members.size()) {
      throw new DataSharingException("governance members must be distinct");
    }
    if (threshold < 1 || threshold > members.size()) {
      throw new DataSharingException(
          "governance threshold must be 1 to " + members.size() + ", got " + threshold);
    }
  }

  public boolean isMember(Address account) {
    return members.contains(account);
  }
}
