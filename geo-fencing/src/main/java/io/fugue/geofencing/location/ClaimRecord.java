package io.fugue.geofencing.location;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.geofencing.Codecs;
import java.util.Objects;

/**
 * A published location claim as the beacon chain keeps it.
 *
 * @param claim the signed claim
 * @param attestor the registered attestor whose signature it carries
 * @param publishedAt the beacon height of publication
 * @param revokedAt the beacon height of revocation, or -1 while not revoked
 */
public record ClaimRecord(LocationClaim claim, Address attestor, long publishedAt, long revokedAt) {
  public ClaimRecord {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(attestor, "attestor");
  }

  public boolean isRevoked() {
    return revokedAt >= 0;
  }

  /**
   * Holds at {@code height}: not revoked, not expired. (The attestor's standing is checked by the
   * caller.)
   */
  public boolean holdsAt(long height) {
    return !isRevoked() && claim.validAt(height);
  }

  ClaimRecord revoked(long height) {
    return new ClaimRecord(claim, attestor, publishedAt, height);
  }

  public Bytes encode() {
    return Rlp.encode(
        RlpList.of(
            claim.encode(),
            RlpString.of(attestor),
            RlpString.ofUint(publishedAt),
            RlpString.ofUint(revokedAt + 1)));
  }

  public static ClaimRecord decode(Bytes encoded) {
    return Codecs.decoding(
        "location claim record",
        encoded,
        l -> {
          l.expectSize(4, "location claim record");
          return new ClaimRecord(
              LocationClaim.decode(l.list(0)),
              l.string(1).asAddress(),
              l.string(2).asUint64(),
              l.string(3).asUint64() - 1);
        });
  }
}
