package io.fugue.geofencing.ledger;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import java.util.Objects;

/**
 * One adopted version of a fence. Versions are numbered from 1 and never edited: a change is a new
 * version, and every version stays readable.
 *
 * @param id the fence
 * @param version its version, from 1
 * @param policy the rules of this version
 * @param inForceFrom the beacon height from which this version governs
 * @param adoptedAt the beacon height at which the k-th approval arrived
 * @param proposal the proposal it came from
 */
public record Fence(
    FenceId id, int version, FencePolicy policy, long inForceFrom, long adoptedAt, long proposal) {
  public Fence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    if (version < 1) {
      throw new IllegalArgumentException("fence versions start at 1");
    }
  }

  public Bytes encode() {
    return Rlp.encode(
        RlpList.of(
            Codecs.ascii(id.value()),
            RlpString.ofUint(version),
            policy.encode(),
            RlpString.ofUint(inForceFrom),
            RlpString.ofUint(adoptedAt),
            RlpString.ofUint(proposal)));
  }

  public static Fence decode(Bytes encoded) {
    return Codecs.decoding(
        "fence record",
        encoded,
        l -> {
          l.expectSize(6, "fence record");
          return new Fence(
              FenceId.of(Codecs.ascii(l.string(0), FenceId.MAX_LENGTH, "fence id")),
              l.string(1).asInt(),
              FencePolicy.decode(l.list(2)),
              l.string(3).asUint64(),
              l.string(4).asUint64(),
              l.string(5).asUint64());
        });
  }
}
