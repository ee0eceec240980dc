package io.fugue.geofencing.policy;

import io.fugue.geofencing.GeoFencingException;

/**
 * The GDPR chapter V ground on which personal data may leave a fence for a destination country. The
 * code is the byte the chain stores; codes never change meaning.
 */
public enum LegalBasis {
  /** An adequacy decision of the Commission for the destination (GDPR Art. 45). */
  ADEQUACY(1, "GDPR Art. 45 adequacy decision"),
  /** Standard data protection clauses adopted by the Commission (GDPR Art. 46(2)(c)). */
  STANDARD_CONTRACTUAL_CLAUSES(2, "GDPR Art. 46(2)(c) standard contractual clauses"),
  /** The data subject's explicit consent to the transfer (GDPR Art. 49(1)(a)). */
  EXPLICIT_CONSENT(3, "GDPR Art. 49(1)(a) explicit consent");

  private final int code;
  private final String citation;

  LegalBasis(int code, String citation) {
    this.code = code;
    this.citation = citation;
  }

  public int code() {
    return code;
  }

  /** The article this basis rests on, for problem documents and audit entries. */
  public String citation() {
    return citation;
  }

  public static LegalBasis fromCode(int code) {
    for (LegalBasis b : values()) {
      if (b.code == code) {
        return b;
      }
    }
    throw new GeoFencingException("unknown legal basis code " + code + " (1, 2 or 3)");
  }
}
