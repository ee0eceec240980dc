package io.fugue.api.model;

import java.util.List;
import java.util.Objects;

/** A range query and its state: open, verified, refused or failed. */
public record QueryView(
    Digest id,
    AccountAddress client,
    List<Digest> attestations,
    String predicate,
    long threshold,
    Long upper,
    String purpose,
    HexBytes nonce,
    String status,
    long createdAt) {
  public QueryView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(client, "client");
    attestations = List.copyOf(attestations);
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(status, "status");
  }
}
