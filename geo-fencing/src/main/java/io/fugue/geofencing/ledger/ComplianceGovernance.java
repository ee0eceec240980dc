package io.fugue.geofencing.ledger;

import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.primitives.Address;
import io.fugue.geofencing.GeoFencingException;
import java.util.List;
import java.util.Objects;

/**
 * Who governs the compliance layer, fixed at genesis: the governance accounts and their threshold
 * (the genesis {@code governance} section) register compliance officers; a fence version needs
 * {@code fenceApprovals} distinct officer approvals, k of the n registered officers.
 *
 * @param members the governance accounts
 * @param threshold distinct governance votes that register an officer
 * @param fenceApprovals k, distinct officer approvals that adopt a fence version, 1 to 32
 */
public record ComplianceGovernance(List<Address> members, int threshold, int fenceApprovals) {
  public static final int MAX_APPROVALS = 32;

  public ComplianceGovernance {
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    if (members.isEmpty() || members.stream().distinct().count() != members.size()) {
      throw new GeoFencingException("governance needs at least one member, all distinct");
    }
    if (threshold < 1 || threshold > members.size()) {
      throw new GeoFencingException(
          "governance threshold must be 1 to " + members.size() + ", got " + threshold);
    }
    if (fenceApprovals < 1 || fenceApprovals > MAX_APPROVALS) {
      throw new GeoFencingException(
          "fence approvals k must be 1 to " + MAX_APPROVALS + ", got " + fenceApprovals);
    }
  }

  /** The genesis governance, with k equal to its threshold. */
  public static ComplianceGovernance of(GenesisConfig.Governance g) {
    return new ComplianceGovernance(g.members(), g.threshold(), g.threshold());
  }

  public boolean isMember(Address account) {
    return members.contains(account);
  }
}
