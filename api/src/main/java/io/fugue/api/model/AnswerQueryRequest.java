package io.fugue.api.model;

/**
 * Body of {@code POST /v1/queries/{id}/answer}: exactly one of a proof made by the holder, or the
 * holder's signed consent for the vault to prove on its behalf.
 */
public record AnswerQueryRequest(HexBytes proof, HexBytes vaultConsent) {
  public AnswerQueryRequest {
    if ((proof == null) == (vaultConsent == null)) {
      throw new IllegalArgumentException("give exactly one of proof and vaultConsent");
    }
  }
}
