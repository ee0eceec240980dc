package io.fugue.datasharing.attestation;

import io.fugue.datasharing.DataSharingException;

/** Whether an attestation still stands. Expiry is not a status: it follows from block time. */
public enum AttestationStatus {
  ACTIVE(0),
  REVOKED(1);

  private final int code;

  AttestationStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static AttestationStatus fromCode(long code) {
    for (AttestationStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new DataSharingException("unknown attestation status " + code);
  }
}
