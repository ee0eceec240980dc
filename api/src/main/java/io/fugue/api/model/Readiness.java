package io.fugue.api.model;

import java.util.Objects;

/** Whether the node can serve requests now, and why not. */
public record Readiness(boolean ready, String detail) {
  public Readiness {
    Objects.requireNonNull(detail, "detail");
  }
}
