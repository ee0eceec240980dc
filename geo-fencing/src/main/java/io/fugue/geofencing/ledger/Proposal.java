package io.fugue.geofencing.ledger;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A proposed fence version. It amends version {@code baseVersion} of the fence (0: a new fence);
 * once any other proposal for the fence is adopted the base is gone and this one is superseded.
 *
 * @param id the proposal's number, in order of proposal from 0
 * @param fence the fence it changes
 * @param baseVersion the fence version it amends
 * @param policy the rules it proposes
 * @param effectiveHeight the beacon height from which it is to be in force
 * @param proposer the officer who proposed it (its first approval)
 * @param approvals the distinct officers who approved it, proposer first
 * @param proposedAt the beacon height of the proposal
 * @param adoptedVersion the version it became, or 0 while not adopted
 */
public record Proposal(
    long id,
    FenceId fence,
    int baseVersion,
    FencePolicy policy,
    long effectiveHeight,
    Address proposer,
    List<Address> approvals,
    long proposedAt,
    int adoptedVersion) {
  public Proposal {
    Objects.requireNonNull(fence, "fence");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(proposer, "proposer");
    approvals = List.copyOf(approvals);
  }

  public boolean isAdopted() {
    return adoptedVersion > 0;
  }

  Proposal withApproval(Address officer) {
    List<Address> a = new ArrayList<>(approvals);
    a.add(officer);
    return new Proposal(
        id, fence, baseVersion, policy, effectiveHeight, proposer, a, proposedAt, adoptedVersion);
  }

  Proposal adopted(int version) {
    return new Proposal(
        id, fence, baseVersion, policy, effectiveHeight, proposer, approvals, proposedAt, version);
  }

  public Bytes encode() {
    List<RlpItem> a = new ArrayList<>();
    approvals.forEach(x -> a.add(RlpString.of(x)));
    return Rlp.encode(
        RlpList.of(
            RlpString.ofUint(id),
            Codecs.ascii(fence.value()),
            RlpString.ofUint(baseVersion),
            policy.encode(),
            RlpString.ofUint(effectiveHeight),
            RlpString.of(proposer),
            new RlpList(a),
            RlpString.ofUint(proposedAt),
            RlpString.ofUint(adoptedVersion)));
  }

  public static Proposal decode(Bytes encoded) {
    return Codecs.decoding(
        "fence proposal",
        encoded,
        l -> {
          l.expectSize(9, "fence proposal");
          List<Address> a = new ArrayList<>();
          for (int i = 0; i < l.list(6).size(); i++) {
            a.add(l.list(6).string(i).asAddress());
          }
          return new Proposal(
              l.string(0).asUint64(),
              FenceId.of(Codecs.ascii(l.string(1), FenceId.MAX_LENGTH, "fence id")),
              l.string(2).asInt(),
              FencePolicy.decode(l.list(3)),
              l.string(4).asUint64(),
              l.string(5).asAddress(),
              a,
              l.string(7).asUint64(),
              l.string(8).asInt());
        });
  }
}
