package io.fugue.api.model;

import java.util.List;

/** Response of {@code GET /v1/vault/openings}. */
public record VaultList(List<VaultEntry> openings) {
  public VaultList {
    openings = List.copyOf(openings);
  }
}
