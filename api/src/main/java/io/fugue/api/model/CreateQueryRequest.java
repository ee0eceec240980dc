package io.fugue.api.model;

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
  public CreateQueryRequest {
    attestations = List.copyOf(attestations);
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(nonce, "nonce");
    if ("between".equals(predicate) && (upper == null || upper < threshold)) {
      throw new IllegalArgumentException("between needs upper >= threshold");
    }
    if (!"between".equals(predicate) && upper != null) {
      throw new IllegalArgumentException("upper is only for between");
    }
  }
}
