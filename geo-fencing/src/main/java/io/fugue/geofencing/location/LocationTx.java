package io.fugue.geofencing.location;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.GeoFencingTypes;
import java.util.List;
import java.util.Objects;

/**
 * The bodies of the locations module's transactions on the beacon chain; encodings in
 * docs/protocol.md ("Geo-fencing transactions").
 */
public sealed interface LocationTx {
  int type();

  RlpList body();

  default UnsignedTransaction unsigned(long chainId, long nonce, Uint256 fee) {
    return new UnsignedTransaction(type(), chainId, nonce, ShardId.BEACON, fee, body());
  }

  /** A governance member votes to register {@code attestor} as a location attestor. */
  record NominateAttestor(Address attestor) implements LocationTx {
    public NominateAttestor {
      Objects.requireNonNull(attestor, "attestor");
    }

    @Override
    public int type() {
      return GeoFencingTypes.ATTESTOR_NOMINATE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(RlpString.of(attestor));
    }
  }

  /** Publishes a signed claim; it replaces the peer's earlier claim. Any account may send it. */
  record Publish(LocationClaim claim) implements LocationTx {
    public Publish {
      Objects.requireNonNull(claim, "claim");
    }

    @Override
    public int type() {
      return GeoFencingTypes.LOCATION_CLAIM;
    }

    @Override
    public RlpList body() {
      return RlpList.of(claim.encode());
    }
  }

  /** Revokes {@code peer}'s current claim; sent by its attestor or a governance member. */
  record Revoke(PeerId peer) implements LocationTx {
    public Revoke {
      Objects.requireNonNull(peer, "peer");
    }

    @Override
    public int type() {
      return GeoFencingTypes.LOCATION_REVOKE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(Codecs.ascii(peer.value()));
    }
  }

  static List<Integer> types() {
    return List.of(
        GeoFencingTypes.ATTESTOR_NOMINATE,
        GeoFencingTypes.LOCATION_CLAIM,
        GeoFencingTypes.LOCATION_REVOKE);
  }

  static LocationTx decode(int type, RlpList body) {
    return Codecs.reading(
        "location transaction body",
        () ->
            switch (type) {
              case GeoFencingTypes.ATTESTOR_NOMINATE ->
                  new NominateAttestor(
                      body.expectSize(1, "attestor nomination").string(0).asAddress());
              case GeoFencingTypes.LOCATION_CLAIM ->
                  new Publish(LocationClaim.decode(body.expectSize(1, "claim").list(0)));
              case GeoFencingTypes.LOCATION_REVOKE ->
                  new Revoke(
                      PeerId.of(
                          Codecs.ascii(
                              body.expectSize(1, "revocation").string(0), 128, "peer id")));
              default -> throw new GeoFencingException("not a location transaction type: " + type);
            });
  }
}
