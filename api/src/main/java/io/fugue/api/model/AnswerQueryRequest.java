package io.fugue.api.model;

import io.fugue.datasharing.query.Query;
import java.nio.charset.StandardCharsets;

/**
 * Body of {@code POST /v1/queries/{id}/answer}: exactly one of a proof made by the holder, the
 * holder's signed consent for the vault to prove on her behalf, or the holder's signed decline (she
 * cannot or will not prove it: the query ends refused). {@code reason} goes with a decline only.
 */
public record AnswerQueryRequest(
    HexBytes proof, HexBytes vaultConsent, HexBytes decline, String reason) {
  /** The ledger's bound on a decline's reason, in UTF-8 bytes (the schema's maxLength). */
  public static final int MAX_REASON_BYTES = Query.MAX_REASON_BYTES;

  public AnswerQueryRequest {
    int given =
        (proof == null ? 0 : 1) + (vaultConsent == null ? 0 : 1) + (decline == null ? 0 : 1);
    if (given != 1) {
      throw new IllegalArgumentException("give exactly one of proof, vaultConsent and decline");
    }
    if (reason != null && decline == null) {
      throw new IllegalArgumentException("reason goes with a decline only");
    }
    if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      throw new IllegalArgumentException(
          "reason is at most " + MAX_REASON_BYTES + " bytes in UTF-8");
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
