package io.fugue.api.model;

/**
 * Body of {@code POST /v1/queries/{id}/answer}: exactly one of a proof made by the holder, the
 * holder's signed consent for the vault to prove on her behalf, or the holder's signed decline (she
 * cannot or will not prove it: the query ends refused). {@code reason} goes with a decline only.
 */
public record AnswerQueryRequest(
    HexBytes proof, HexBytes vaultConsent, HexBytes decline, String reason) {
  public static final int MAX_REASON = 200;

  public AnswerQueryRequest {
    int given =
        (proof == null ? 0 : 1) + (vaultConsent == null ? 0 : 1) + (decline == null ? 0 : 1);
    if (given != 1) {
      throw new IllegalArgumentException("give exactly one of proof, vaultConsent and decline");
    }
    if (reason != null && (decline == null || reason.length() > MAX_REASON)) {
      throw new IllegalArgumentException(
          "reason goes with a decline, up to " + MAX_REASON + " characters");
    }
  }

  public static AnswerQueryRequest ofProof(HexBytes proof) {
    return new AnswerQueryRequest(proof, null, null, null);
  }

  public static AnswerQueryRequest ofConsent(HexBytes vaultConsent) {
    return new AnswerQueryRequest(null, vaultConsent, null, null);
  }

  public static AnswerQueryRequest ofDecline(HexBytes signature, String reason) {
    return new AnswerQueryRequest(null, null, signature, reason);
  }
}
