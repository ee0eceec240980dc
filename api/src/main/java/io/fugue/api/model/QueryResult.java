package io.fugue.api.model;

import java.util.Objects;

/**
 * The outcome of a query: {@code outcome} is the one bit the client learns (null while open);
 * {@code proofHash} identifies the verified proof in the audit record.
 */
public record QueryResult(
    Digest queryId, String status, Boolean outcome, Digest proofHash, String reason) {
  public QueryResult {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(status, "status");
  }
}
