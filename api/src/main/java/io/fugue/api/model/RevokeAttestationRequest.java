package io.fugue.api.model;

import java.util.Objects;

/**
 * Body of {@code POST /v1/attestations/{id}/revocation}. The reason is for the issuer's own records
 * (the ledger's revocation carries none): 1 to {@link #MAX_REASON_CHARS} characters.
 */
public record RevokeAttestationRequest(String reason) {
  public static final int MAX_REASON_CHARS = 1000;

  public RevokeAttestationRequest {
    Objects.requireNonNull(reason, "reason");
    int chars = reason.codePointCount(0, reason.length());
    if (chars < 1 || chars > MAX_REASON_CHARS) {
      throw new IllegalArgumentException(
          "reason is 1 to " + MAX_REASON_CHARS + " characters, got " + chars);
    }
  }
}
