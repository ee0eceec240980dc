package io.fugue.geofencing.ledger;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.GeoFencingTypes;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import java.util.List;
import java.util.Objects;

/**
 * The bodies of the fences module's transactions on the beacon chain. The sender of the enclosing
 * signed transaction is the actor: the voting governance member, the proposing or approving
 * officer. Encodings are in docs/protocol.md ("Geo-fencing transactions").
 */
public sealed interface FenceTx {
  /** The transaction type byte. */
  int type();

  /** The body as the transaction carries it. */
  RlpList body();

  /** An unsigned beacon-chain transaction carrying this body. */
  default UnsignedTransaction unsigned(long chainId, long nonce, Uint256 fee) {
    return new UnsignedTransaction(type(), chainId, nonce, ShardId.BEACON, fee, body());
  }

  /** A governance member votes to register {@code officer} as a compliance officer. */
  record NominateOfficer(Address officer) implements FenceTx {
    public NominateOfficer {
      Objects.requireNonNull(officer, "officer");
    }

    @Override
    public int type() {
      return GeoFencingTypes.OFFICER_NOMINATE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(RlpString.of(officer));
    }
  }

  /**
   * An officer proposes {@code policy} as the version after {@code baseVersion} of {@code fence} (0
   * for a new fence), in force from beacon height {@code effectiveHeight} at the earliest.
   */
  record Propose(FenceId fence, int baseVersion, FencePolicy policy, long effectiveHeight)
      implements FenceTx {
    public Propose {
      Objects.requireNonNull(fence, "fence");
      Objects.requireNonNull(policy, "policy");
      if (baseVersion < 0 || effectiveHeight < 0) {
        throw new GeoFencingException("base version and effective height must not be negative");
      }
    }

    @Override
    public int type() {
      return GeoFencingTypes.FENCE_PROPOSE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(
          Codecs.ascii(fence.value()),
          RlpString.ofUint(baseVersion),
          policy.encode(),
          RlpString.ofUint(effectiveHeight));
    }
  }

  /** An officer approves proposal number {@code proposal}. */
  record Approve(long proposal) implements FenceTx {
    public Approve {
      if (proposal < 0) {
        throw new GeoFencingException("proposal numbers are not negative");
      }
    }

    @Override
    public int type() {
      return GeoFencingTypes.FENCE_APPROVE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(RlpString.ofUint(proposal));
    }
  }

  /** The transaction types this body family uses. */
  static List<Integer> types() {
    return List.of(
        GeoFencingTypes.OFFICER_NOMINATE,
        GeoFencingTypes.FENCE_PROPOSE,
        GeoFencingTypes.FENCE_APPROVE);
  }

  /** Decodes a body strictly; throws {@link GeoFencingException} naming the defect. */
  static FenceTx decode(int type, RlpList body) {
    return Codecs.reading(
        "fence transaction body",
        () ->
            switch (type) {
              case GeoFencingTypes.OFFICER_NOMINATE ->
                  new NominateOfficer(
                      body.expectSize(1, "officer nomination").string(0).asAddress());
              case GeoFencingTypes.FENCE_PROPOSE -> {
                body.expectSize(4, "fence proposal");
                yield new Propose(
                    FenceId.of(Codecs.ascii(body.string(0), FenceId.MAX_LENGTH, "fence id")),
                    body.string(1).asInt(),
                    FencePolicy.decode(body.list(2)),
                    body.string(3).asUint64());
              }
              case GeoFencingTypes.FENCE_APPROVE ->
                  new Approve(body.expectSize(1, "fence approval").string(0).asUint64());
              default -> throw new GeoFencingException("not a fence transaction type: " + type);
            });
  }
}
