package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code POST /v1/auth/token}: a signed challenge. */
public record TokenRequest(AccountAddress address, String challenge, HexBytes signature) {
  public TokenRequest {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(signature, "signature");
  }
}
