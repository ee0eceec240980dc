package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code POST /v1/auth/challenge}. */
public record ChallengeRequest(AccountAddress address) {
  public ChallengeRequest {
    Objects.requireNonNull(address, "address");
  }
}
