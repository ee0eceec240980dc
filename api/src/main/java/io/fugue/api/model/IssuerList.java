package io.fugue.api.model;

import java.util.List;

/** Response of {@code GET /v1/issuers}. */
public record IssuerList(List<IssuerView> issuers) {
  public IssuerList {
    issuers = List.copyOf(issuers);
  }
}
