package io.fugue.api.model;

import java.util.Objects;

/** An issuer in the beacon-chain registry; {@code status} is pending, approved or suspended. */
public record IssuerView(AccountAddress account, String name, String contact, String status) {
  public IssuerView {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(status, "status");
  }
}
