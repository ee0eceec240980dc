package io.fugue.datasharing.query;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.storage.Keys;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A holder's signed consent for the vault to answer one query with the openings of the named
 * attestations, until {@code expiresAt}. The signature is a recoverable secp256k1 signature over
 * {@link #digest()}; the recovered address must be the attestations' holder.
 *
 * @param queryId the query the vault may answer
 * @param attestations the attestations whose openings it may use, in the query's order
 * @param expiresAt last moment of validity, ms since the epoch (node clock)
 * @param signature the holder's signature over {@link #digest()}
 */
public record Consent(
    QueryId queryId,
    List<AttestationId> attestations,
    long expiresAt,
    Secp256k1Signature signature) {
  private static final Bytes DOMAIN =
      Bytes.of("fugue.vault.consent.v1".getBytes(StandardCharsets.US_ASCII));

  /**
   * The largest {@link #encode()}: {@link QueryRequest#MAX_ATTESTATIONS} ids and the largest
   * expiry. RLP: outer header 3 + query id 33 + ids (header 3 + 64·33) + expiresAt 9 + signature
   * 67. The API's {@code VaultConsent} schema takes its bound from this.
   */
  public static final int MAX_ENCODED_BYTES =
      3 + 33 + 3 + QueryRequest.MAX_ATTESTATIONS * 33 + 9 + 67;

  public Consent {
    Objects.requireNonNull(queryId, "queryId");
    attestations = List.copyOf(Objects.requireNonNull(attestations, "attestations"));
    Objects.requireNonNull(signature, "signature");
    if (attestations.isEmpty() || attestations.size() > QueryRequest.MAX_ATTESTATIONS) {
      throw new DataSharingException("a consent names 1 to 64 attestations");
    }
    if (expiresAt < 0) {
      throw new DataSharingException("consent expiry must not be negative");
    }
  }

  /** The holder signs a consent. */
  public static Consent sign(
      QueryId queryId, List<AttestationId> attestations, long expiresAt, Secp256k1PrivateKey key) {
    Hash32 digest = digest(queryId, attestations, expiresAt);
    return new Consent(queryId, attestations, expiresAt, key.sign(digest));
  }

  /**
   * keccak-256 of {@code "fugue.vault.consent.v1" ‖ query id ‖ count(8) ‖ attestation ids ‖
   * expiresAt(8)}.
   */
  public Hash32 digest() {
    return digest(queryId, attestations, expiresAt);
  }

  /** The signer's address, if the signature recovers one. */
  public Optional<Address> signer() {
    return Secp256k1.recoverAddress(digest(), signature);
  }

  /**
   * Checks that this consent covers {@code query} at {@code nowMillis} and was signed by {@code
   * holder}; throws {@link DataSharingException} naming the defect.
   */
  public void checkCovers(Query query, Address holder, long nowMillis) {
    if (!queryId.equals(query.id())) {
      throw new DataSharingException("the consent is for another query");
    }
    if (!attestations.equals(query.request().attestations())) {
      throw new DataSharingException("the consent does not name the query's attestations");
    }
    if (nowMillis > expiresAt) {
      throw new DataSharingException("the consent has expired");
    }
    if (!signer().filter(holder::equals).isPresent()) {
      throw new DataSharingException("the consent is not signed by the attestations' holder");
    }
  }

  /**
   * {@code rlp([query id, [attestation ids], expiresAt, signature(65)])}, as the API carries it.
   */
  public Bytes encode() {
    List<RlpItem> ids = new ArrayList<>();
    attestations.forEach(a -> ids.add(RlpString.of(a.value())));
    return Rlp.encode(
        RlpList.of(
            RlpString.of(queryId.value()),
            new RlpList(ids),
            RlpString.ofUint(expiresAt),
            RlpString.of(signature.toBytes())));
  }

  /** Decodes {@link #encode()} strictly; throws {@link DataSharingException} naming the defect. */
  public static Consent decode(Bytes encoded) {
    return Codecs.decoding(
        "consent",
        encoded,
        f -> {
          f.expectSize(4, "consent");
          RlpList l = f.list(1);
          List<AttestationId> ids = new ArrayList<>();
          for (int i = 0; i < l.size(); i++) {
            ids.add(new AttestationId(l.string(i).asHash32()));
          }
          return new Consent(
              new QueryId(f.string(0).asHash32()),
              ids,
              f.string(2).asUint64(),
              Secp256k1Signature.fromBytes(f.string(3).asBytes(Secp256k1Signature.SIZE)));
        });
  }

  private static Hash32 digest(QueryId queryId, List<AttestationId> ids, long expiresAt) {
    List<Bytes> parts = new ArrayList<>();
    parts.add(DOMAIN);
    parts.add(queryId.toBytes());
    parts.add(Keys.u64(ids.size()));
    ids.forEach(id -> parts.add(id.toBytes()));
    parts.add(Keys.u64(expiresAt));
    return Hashing.keccak256(parts.toArray(Bytes[]::new));
  }
}
