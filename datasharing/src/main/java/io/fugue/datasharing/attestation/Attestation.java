package io.fugue.datasharing.attestation;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.registry.SchemaId;
import io.fugue.zk.Commitment;
import java.util.Objects;

/**
 * An attestation as the subject's shard records it: a Pedersen commitment to one attribute value of
 * a subject, made by an issuer. The value and blinding (the opening) are never here.
 *
 * @param id the derived id ({@link AttestationId#derive})
 * @param issuer the issuer's account
 * @param subject whom it is about
 * @param holder the account the opening is sealed to; its signature authorises vault use
 * @param schema what the committed integer means
 * @param commitment C = v·B + r·B_blinding, canonical ristretto255
 * @param validFrom first valid block time, ms since the epoch
 * @param validUntil first block time at which it has expired, ms since the epoch
 * @param issuedAt block time of publication
 * @param status active or revoked
 * @param revokedAt block time of revocation, 0 while active
 */
public record Attestation(
    AttestationId id,
    Address issuer,
    Subject subject,
    Address holder,
    SchemaId schema,
    Commitment commitment,
    long validFrom,
    long validUntil,
    long issuedAt,
    AttestationStatus status,
    long revokedAt) {

  public Attestation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(status, "status");
    checkValidity(validFrom, validUntil);
    if (issuedAt < 0 || revokedAt < 0) {
      throw new DataSharingException("attestation times must not be negative");
    }
    if ((status == AttestationStatus.REVOKED) != (revokedAt > 0)) {
      throw new DataSharingException("revokedAt must be set exactly when revoked");
    }
  }

  static void checkValidity(long validFrom, long validUntil) {
    if (validFrom < 0 || validUntil <= validFrom) {
      throw new DataSharingException("validity must satisfy 0 <= validFrom < validUntil");
    }
  }

  /** Why this attestation cannot back a proof at {@code nowMillis}, or null if it can. */
  public String unusableReason(long nowMillis) {
    if (status == AttestationStatus.REVOKED) {
      return "attestation " + id + " is revoked";
    }
    if (nowMillis < validFrom) {
      return "attestation " + id + " is not valid yet";
    }
    if (nowMillis >= validUntil) {
      return "attestation " + id + " has expired";
    }
    return null;
  }

  Attestation revoked(long at) {
    return new Attestation(
        id,
        issuer,
        subject,
        holder,
        schema,
        commitment,
        validFrom,
        validUntil,
        issuedAt,
        AttestationStatus.REVOKED,
        Math.max(1, at));
  }

  public Bytes encode() {
    return Rlp.encode(
        RlpList.of(
            RlpString.of(id.value()),
            RlpString.of(issuer),
            RlpString.of(subject.value()),
            RlpString.of(holder),
            RlpString.of(schema.toBytes()),
            RlpString.of(Bytes.of(commitment.toBytes())),
            RlpString.ofUint(validFrom),
            RlpString.ofUint(validUntil),
            RlpString.ofUint(issuedAt),
            RlpString.ofUint(status.code()),
            RlpString.ofUint(revokedAt)));
  }

  public static Attestation decode(Bytes encoded) {
    return Codecs.decoding(
        "attestation record",
        encoded,
        f -> {
          f.expectSize(11, "attestation record");
          return new Attestation(
              new AttestationId(f.string(0).asHash32()),
              f.string(1).asAddress(),
              new Subject(f.string(2).value()),
              f.string(3).asAddress(),
              SchemaId.fromBytes(f.string(4).value()),
              Commitment.of(f.string(5).asBytes(Commitment.BYTES).toArray()),
              f.string(6).asUint64(),
              f.string(7).asUint64(),
              f.string(8).asUint64(),
              AttestationStatus.fromCode(f.string(9).asUint64()),
              f.string(10).asUint64());
        });
  }
}
