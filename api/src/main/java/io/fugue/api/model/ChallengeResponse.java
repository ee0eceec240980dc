package io.fugue.api.model;

import java.util.Objects;

/**
 * A single-use login challenge. The caller signs the UTF-8 bytes of {@code message} with the
 * account key and sends the signature before {@code expiresAt} (epoch seconds).
 */
public record ChallengeResponse(
    AccountAddress address, String challenge, String message, long expiresAt) {
  public ChallengeResponse {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(message, "message");
  }
}
