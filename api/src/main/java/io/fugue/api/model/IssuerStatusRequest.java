package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code POST /v1/issuers/{account}/status}: governance approves or suspends. */
public record IssuerStatusRequest(String status, String reason) {
  public IssuerStatusRequest {
    Objects.requireNonNull(status, "status");
  }
}
