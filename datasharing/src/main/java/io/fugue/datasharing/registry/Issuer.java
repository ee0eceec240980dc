package io.fugue.datasharing.registry;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An issuer as the beacon chain records it: the business's account (its identity), its name and
 * contact, its standing, and the governance votes collected for its next approval.
 *
 * @param account the issuer's account; signs its transactions
 * @param name the business name shown to clients
 * @param contact how to reach the business (e-mail, URL); public on chain, so a role address
 * @param status where the issuer stands
 * @param approvals governance members who voted to approve (or reinstate) since the last change
 * @param registeredAt block time of registration, ms since the epoch
 * @param changedAt block time of the last status change, ms since the epoch
 */
public record Issuer(
    Address account,
    String name,
    String contact,
    IssuerStatus status,
    List<Address> approvals,
    long registeredAt,
    long changedAt) {
  public static final int MAX_NAME_BYTES = 128;
  public static final int MAX_CONTACT_BYTES = 256;

  public Issuer {
    Objects.requireNonNull(account, "account");
    Text.check(name, "issuer name", 1, MAX_NAME_BYTES);
    Text.check(contact, "issuer contact", 0, MAX_CONTACT_BYTES);
    Objects.requireNonNull(status, "status");
    approvals = List.copyOf(approvals);
    if (approvals.stream().distinct().count() != approvals.size()) {
      throw new DataSharingException("issuer approvals must be distinct");
    }
    if (registeredAt < 0 || changedAt < registeredAt) {
      throw new DataSharingException("issuer times must satisfy 0 <= registeredAt <= changedAt");
    }
  }

  /** Whether the issuer may attest now. */
  public boolean isApproved() {
    return status == IssuerStatus.APPROVED;
  }

  Issuer withStatus(IssuerStatus next, long at) {
    return new Issuer(account, name, contact, next, List.of(), registeredAt, at);
  }

  Issuer withApproval(Address member) {
    List<Address> next = new ArrayList<>(approvals);
    next.add(member);
    return new Issuer(account, name, contact, status, next, registeredAt, changedAt);
  }

  public Bytes encode() {
    List<RlpItem> votes = new ArrayList<>();
    approvals.forEach(a -> votes.add(RlpString.of(a)));
    return Rlp.encode(
        RlpList.of(
            RlpString.of(account),
            Text.field(name),
            Text.field(contact),
            RlpString.ofUint(status.code()),
            new RlpList(votes),
            RlpString.ofUint(registeredAt),
            RlpString.ofUint(changedAt)));
  }

  public static Issuer decode(Bytes encoded) {
    return Codecs.decoding(
        "issuer record",
        encoded,
        f -> {
          f.expectSize(7, "issuer record");
          RlpList votes = f.list(4);
          List<Address> approvals = new ArrayList<>(votes.size());
          for (int i = 0; i < votes.size(); i++) {
            approvals.add(votes.string(i).asAddress());
          }
          return new Issuer(
              f.string(0).asAddress(),
              Text.read(f.string(1), "issuer name", 1, MAX_NAME_BYTES),
              Text.read(f.string(2), "issuer contact", 0, MAX_CONTACT_BYTES),
              IssuerStatus.fromCode(f.string(3).asUint64()),
              approvals,
              f.string(5).asUint64(),
              f.string(6).asUint64());
        });
  }
}
