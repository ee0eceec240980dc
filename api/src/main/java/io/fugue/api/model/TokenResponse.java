package io.fugue.api.model;

import java.util.List;
import java.util.Objects;

/** A bearer token, its expiry (epoch seconds) and the roles the account held when it was issued. */
public record TokenResponse(String token, String tokenType, long expiresAt, List<String> roles) {
  public TokenResponse {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(tokenType, "tokenType");
    roles = List.copyOf(roles);
  }
}
