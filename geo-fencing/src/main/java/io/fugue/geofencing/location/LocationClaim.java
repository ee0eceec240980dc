package io.fugue.geofencing.location;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.policy.CountryCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An attestor's signed statement that the node with libp2p id {@code peer} and validator keys
 * {@code blsKeys} is located in {@code country}, valid below beacon height {@code validUntil}. The
 * signature is secp256k1 over {@link #digest(long)}, which binds the chain id so a claim cannot be
 * replayed on another network; the signer's address must be a registered attestor.
 *
 * @param peer the node's libp2p peer id
 * @param blsKeys 0 to {@link #MAX_KEYS} BLS keys, sorted, distinct (a non-validator has none)
 * @param country where the attestor places the node
 * @param validUntil the first beacon height at which the claim no longer holds
 * @param signature the attestor's signature
 */
public record LocationClaim(
    PeerId peer,
    List<BlsPublicKey> blsKeys,
    CountryCode country,
    long validUntil,
    Secp256k1Signature signature) {
  public static final int MAX_KEYS = 16;
  private static final Bytes DOMAIN =
      Bytes.of("fugue/location-claim/v1".getBytes(StandardCharsets.US_ASCII));

  public LocationClaim {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(signature, "signature");
    TreeSet<BlsPublicKey> sorted = new TreeSet<>(blsKeys);
    if (sorted.size() != blsKeys.size() || sorted.size() > MAX_KEYS) {
      throw new GeoFencingException("a location claim carries 0 to " + MAX_KEYS + " distinct keys");
    }
    blsKeys = List.copyOf(sorted);
    if (validUntil < 1) {
      throw new GeoFencingException("valid-until height must be positive");
    }
  }

  /** Signs a claim with the attestor's key for network {@code chainId}. */
  public static LocationClaim sign(
      PeerId peer,
      List<BlsPublicKey> blsKeys,
      CountryCode country,
      long validUntil,
      long chainId,
      Secp256k1PrivateKey attestor) {
    List<BlsPublicKey> sorted = List.copyOf(new TreeSet<>(blsKeys));
    Hash32 digest = digest(unsignedFields(peer, sorted, country, validUntil), chainId);
    return new LocationClaim(peer, sorted, country, validUntil, attestor.sign(digest));
  }

  /**
   * keccak256("fugue/location-claim/v1" ‖ chainId as 8 bytes big-endian ‖ rlp([peer, [keys…],
   * country, validUntil])).
   */
  public Hash32 digest(long chainId) {
    return digest(unsignedFields(peer, blsKeys, country, validUntil), chainId);
  }

  private static Hash32 digest(RlpList fields, long chainId) {
    Bytes id = Bytes.of(java.nio.ByteBuffer.allocate(8).putLong(chainId).array());
    return Hashing.keccak256(DOMAIN, id, Rlp.encode(fields));
  }

  /** The attestor who signed this claim for {@code chainId}, if the signature recovers. */
  public Optional<Address> signer(long chainId) {
    return Secp256k1.recoverAddress(digest(chainId), signature);
  }

  /** Whether the claim still holds at beacon height {@code height}. */
  public boolean validAt(long height) {
    return height < validUntil;
  }

  private static RlpList unsignedFields(
      PeerId peer, List<BlsPublicKey> keys, CountryCode country, long validUntil) {
    List<RlpItem> k = new ArrayList<>();
    keys.forEach(key -> k.add(RlpString.of(key.toBytes())));
    return RlpList.of(
        Codecs.ascii(peer.value()),
        new RlpList(k),
        Codecs.ascii(country.value()),
        RlpString.ofUint(validUntil));
  }

  /** [peer, [keys…], country, validUntil, signature(65)]; see docs/protocol.md. */
  public RlpList encode() {
    List<RlpItem> f = new ArrayList<>(unsignedFields(peer, blsKeys, country, validUntil).items());
    f.add(RlpString.of(signature.toBytes()));
    return new RlpList(f);
  }

  public static LocationClaim decode(RlpList l) {
    return Codecs.reading(
        "location claim",
        () -> {
          l.expectSize(5, "location claim");
          List<BlsPublicKey> keys = new ArrayList<>();
          RlpList k = l.list(1);
          if (k.size() > MAX_KEYS) {
            throw new GeoFencingException("more than " + MAX_KEYS + " keys");
          }
          for (int i = 0; i < k.size(); i++) {
            keys.add(BlsPublicKey.fromBytes(k.string(i).asBytes(BlsPublicKey.SIZE)));
          }
          LocationClaim c =
              new LocationClaim(
                  PeerId.of(Codecs.ascii(l.string(0), 128, "peer id")),
                  keys,
                  CountryCode.of(Codecs.ascii(l.string(2), 2, "country")),
                  l.string(3).asUint64(),
                  Secp256k1Signature.fromBytes(l.string(4).asBytes(Secp256k1Signature.SIZE)));
          if (!c.encode().equals(l)) {
            throw new GeoFencingException("keys must be sorted and distinct (the canonical form)");
          }
          return c;
        });
  }
}
