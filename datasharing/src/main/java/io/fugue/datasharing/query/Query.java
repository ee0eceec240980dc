package io.fugue.datasharing.query;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * A query and where it stands. Holds the outcome and the hash of the answering proof, never a
 * value: the client learns one bit.
 *
 * @param id the query id
 * @param request what was asked
 * @param createdAt node time of creation, ms since the epoch
 * @param status the lifecycle state
 * @param proofHash keccak-256 of the answering proof's bytes, when a proof was submitted
 * @param reason why it was refused or failed; empty otherwise
 * @param decidedAt node time of the outcome, 0 while pending
 */
public record Query(
    QueryId id,
    QueryRequest request,
    long createdAt,
    QueryStatus status,
    Optional<Hash32> proofHash,
    String reason,
    long decidedAt) {
  public static final int MAX_REASON_BYTES = 512;

  public Query {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(proofHash, "proofHash");
    Objects.requireNonNull(reason, "reason");
    if (!id.equals(request.id())) {
      throw new DataSharingException("query id does not match its request");
    }
  }

  static Query pending(QueryRequest request, long now) {
    return new Query(request.id(), request, now, QueryStatus.PENDING, Optional.empty(), "", 0);
  }

  Query decided(QueryStatus outcome, Optional<Hash32> proof, String why, long now) {
    return new Query(id, request, createdAt, outcome, proof, Text.clip(why, 400), now);
  }

  public Bytes encode() {
    return Rlp.encode(
        RlpList.of(
            request.toRlp(),
            RlpString.ofUint(createdAt),
            RlpString.ofUint(status.code()),
            RlpString.of(proofHash.map(Hash32::toBytes).orElse(Bytes.EMPTY)),
            Text.field(reason),
            RlpString.ofUint(decidedAt)));
  }

  public static Query decode(Bytes encoded) {
    return Codecs.decoding(
        "query record",
        encoded,
        f -> {
          f.expectSize(6, "query record");
          QueryRequest request = QueryRequest.fromRlp(f.list(0));
          Bytes proof = f.string(3).value();
          return new Query(
              request.id(),
              request,
              f.string(1).asUint64(),
              QueryStatus.fromCode(f.string(2).asUint64()),
              proof.isEmpty() ? Optional.empty() : Optional.of(Hash32.of(proof)),
              Text.read(f.string(4), "reason", 0, MAX_REASON_BYTES),
              f.string(5).asUint64());
        });
  }
}
