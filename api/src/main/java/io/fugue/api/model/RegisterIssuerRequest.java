package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code POST /v1/issuers}: the caller's account applies to become an issuer. */
public record RegisterIssuerRequest(String name, String contact) {
  public RegisterIssuerRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contact, "contact");
  }
}
