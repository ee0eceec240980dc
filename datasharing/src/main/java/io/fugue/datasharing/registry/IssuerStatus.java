package io.fugue.datasharing.registry;

import io.fugue.datasharing.DataSharingException;

/**
 * Where an issuer stands. Only {@link #APPROVED} issuers may publish attestations, and queries
 * about attestations of an issuer that is not approved fail.
 */
public enum IssuerStatus {
  /** Registered, waiting for enough governance approvals. */
  PENDING(0),
  /** Approved by the governance threshold; may attest. */
  APPROVED(1),
  /** Suspended by governance; reinstated by the approval threshold again. */
  SUSPENDED(2);

  private final int code;

  IssuerStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static IssuerStatus fromCode(long code) {
    for (IssuerStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new DataSharingException("unknown issuer status " + code);
  }
}
