package io.fugue.datasharing.query;

import io.fugue.datasharing.attestation.Attestation;
import io.fugue.zk.TranscriptContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The transcript context every query proof is bound to: label {@code "fugue.query.v1"}, parts query
 * id ‖ (attestation id ‖ on-chain commitment) per attestation ‖ predicate name ‖ thresholds (8
 * bytes each) ‖ nonce. A proof made for one query therefore fails for any other query, attestation,
 * commitment, predicate, threshold or nonce (the zk layer also binds the statement).
 */
public final class QueryContexts {
  public static final String LABEL = "fugue.query.v1";

  private QueryContexts() {}

  /** The context for {@code query} over {@code attestations}, in the query's order. */
  public static TranscriptContext of(Query query, List<Attestation> attestations) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(query.id().value().toArray());
    for (Attestation a : attestations) {
      parts.add(a.id().value().toArray());
      parts.add(a.commitment().toBytes());
    }
    Predicate p = query.request().predicate();
    parts.add(p.name().getBytes(StandardCharsets.US_ASCII));
    ByteBuffer ts = ByteBuffer.allocate(8 * p.thresholds().size());
    p.thresholds().forEach(ts::putLong);
    parts.add(ts.array());
    parts.add(query.request().nonce().toArray());
    return TranscriptContext.ofParts(LABEL, parts.toArray(byte[][]::new));
  }
}
