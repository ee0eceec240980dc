package io.fugue.geofencing.ledger;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.geofencing.Codecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An account appointed by governance (a compliance officer or a location attestor), or a nominee
 * still collecting governance votes.
 *
 * @param account the appointed account
 * @param votes the governance members that voted for it (all of them once registered)
 * @param registeredAt the beacon height at which the threshold was reached, or -1 while nominated
 */
public record Appointee(Address account, List<Address> votes, long registeredAt) {
  public Appointee {
    Objects.requireNonNull(account, "account");
    votes = List.copyOf(votes);
  }

  public boolean isRegistered() {
    return registeredAt >= 0;
  }

  public Appointee withVote(Address member) {
    List<Address> v = new ArrayList<>(votes);
    v.add(member);
    return new Appointee(account, v, registeredAt);
  }

  public Appointee registered(long height) {
    return new Appointee(account, votes, height);
  }

  /** [account, [votes…], registeredAt + 1] (0 while nominated). */
  public Bytes encode() {
    List<RlpItem> v = new ArrayList<>();
    votes.forEach(a -> v.add(RlpString.of(a)));
    return Rlp.encode(
        RlpList.of(RlpString.of(account), new RlpList(v), RlpString.ofUint(registeredAt + 1)));
  }

  public static Appointee decode(Bytes encoded) {
    return Codecs.decoding(
        "officer record",
        encoded,
        l -> {
          l.expectSize(3, "officer record");
          List<Address> v = new ArrayList<>();
          for (int i = 0; i < l.list(1).size(); i++) {
            v.add(l.list(1).string(i).asAddress());
          }
          return new Appointee(l.string(0).asAddress(), v, l.string(2).asUint64() - 1);
        });
  }
}
