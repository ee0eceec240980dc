package io.fugue.api.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What an endpoint requires of its caller, as stated by {@code x-fugue-role} in the OpenAPI
 * document. {@link #PUBLIC} needs no token; {@link #AUTHENTICATED} needs a valid token and no role;
 * the others need a token whose account holds that role in chain state.
 */
public enum Role {
  PUBLIC,
  AUTHENTICATED,
  ISSUER,
  HOLDER,
  CLIENT,
  GOVERNANCE,
  OPERATOR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    for (Role r : values()) {
      if (r.wireName().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
