package io.fugue.datasharing.attestation;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.DataSharingTypes;
import io.fugue.datasharing.registry.SchemaId;
import io.fugue.zk.Commitment;
import java.util.List;
import java.util.Objects;

/**
 * The bodies of the attestation module's transactions, sent by the issuer on the subject's shard.
 */
public sealed interface AttestationTx {
  int type();

  RlpList body();

  /** An unsigned transaction for {@code shard} carrying this body. */
  default UnsignedTransaction unsigned(long chainId, long nonce, ShardId shard, Uint256 fee) {
    return new UnsignedTransaction(type(), chainId, nonce, shard, fee, body());
  }

  /** Publishes an attestation; its id is {@link AttestationId#derive} with the tx's nonce. */
  record Publish(
      Subject subject,
      Address holder,
      SchemaId schema,
      Commitment commitment,
      long validFrom,
      long validUntil)
      implements AttestationTx {
    public Publish {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(commitment, "commitment");
      Attestation.checkValidity(validFrom, validUntil);
    }

    @Override
    public int type() {
      return DataSharingTypes.ATTESTATION_PUBLISH;
    }

    @Override
    public RlpList body() {
      return RlpList.of(
          RlpString.of(subject.value()),
          RlpString.of(holder),
          RlpString.of(schema.toBytes()),
          RlpString.of(Bytes.of(commitment.toBytes())),
          RlpString.ofUint(validFrom),
          RlpString.ofUint(validUntil));
    }
  }

  /** Revokes an attestation; only its issuer may. */
  record Revoke(AttestationId id) implements AttestationTx {
    public Revoke {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public int type() {
      return DataSharingTypes.ATTESTATION_REVOKE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(RlpString.of(id.value()));
    }
  }

  static List<Integer> types() {
    return List.of(DataSharingTypes.ATTESTATION_PUBLISH, DataSharingTypes.ATTESTATION_REVOKE);
  }

  /**
   * Decodes a body strictly, including the commitment's canonical ristretto255 check; throws {@link
   * DataSharingException} naming the defect.
   */
  static AttestationTx decode(int type, RlpList body) {
    return Codecs.reading(
        "attestation transaction body",
        () ->
            switch (type) {
              case DataSharingTypes.ATTESTATION_PUBLISH -> {
                body.expectSize(6, "attestation publication");
                yield new Publish(
                    new Subject(body.string(0).asBytesAtMost(Subject.MAX_BYTES, "subject")),
                    body.string(1).asAddress(),
                    SchemaId.fromBytes(body.string(2).value()),
                    Commitment.of(body.string(3).asBytes(Commitment.BYTES).toArray()),
                    body.string(4).asUint64(),
                    body.string(5).asUint64());
              }
              case DataSharingTypes.ATTESTATION_REVOKE ->
                  new Revoke(
                      new AttestationId(
                          body.expectSize(1, "attestation revocation").string(0).asHash32()));
              default ->
                  throw new DataSharingException("not an attestation transaction type: " + type);
            });
  }
}
