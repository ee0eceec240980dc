package io.fugue.api.model;

import io.fugue.datasharing.query.QueryRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /v1/queries}. {@code predicate} is gte, lte or between ({@code upper} only
 * for between); several attestations make an aggregate query over their sum.
 */
public record CreateQueryRequest(
    List<Digest> attestations,
    String predicate,
    long threshold,
    Long upper,
    String purpose,
    HexBytes nonce) {
  /** The ledger's bounds (the schema's maxItems and maxLength). */
  public static final int MAX_ATTESTATIONS = QueryRequest.MAX_ATTESTATIONS;

  public static final int MAX_PURPOSE_BYTES = QueryRequest.MAX_PURPOSE_BYTES;

  public CreateQueryRequest {
    attestations = List.copyOf(attestations);
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(nonce, "nonce");
    if (attestations.isEmpty() || attestations.size() > MAX_ATTESTATIONS) {
      throw new IllegalArgumentException(
          "a query names 1 to " + MAX_ATTESTATIONS + " attestations, got " + attestations.size());
    }
    int purposeBytes = purpose.getBytes(StandardCharsets.UTF_8).length;
    if (purposeBytes < 1 || purposeBytes > MAX_PURPOSE_BYTES) {
      throw new IllegalArgumentException(
          "purpose is 1 to " + MAX_PURPOSE_BYTES + " bytes in UTF-8, got " + purposeBytes);
    }
    if ("between".equals(predicate) && (upper == null || upper < threshold)) {
      throw new IllegalArgumentException("between needs upper >= threshold");
    }
    if (!"between".equals(predicate) && upper != null) {
      throw new IllegalArgumentException("upper is only for between");
    }
  }
}
