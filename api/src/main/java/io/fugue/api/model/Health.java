package io.fugue.api.model;

import java.util.Objects;

/** Response of {@code GET /health}: UP when live and ready, DOWN (HTTP 503) otherwise. */
public record Health(String status, boolean live, boolean ready, String detail) {
  public Health {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }
}
