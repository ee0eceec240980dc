package io.fugue.datasharing.query;

import io.fugue.datasharing.DataSharingException;

/** A query's lifecycle: PENDING until answered, then one terminal outcome. */
public enum QueryStatus {
  /** Created, waiting for the holder (or the vault) to answer. */
  PENDING(0),
  /** A valid proof for the predicate over the on-chain commitment(s) was verified. */
  PROVEN_TRUE(1),
  /** The holder could not prove it (the predicate is false for the value) or declined. */
  REFUSED(2),
  /**
   * An answer came but did not hold: invalid proof, revoked or expired attestation, issuer not
   * approved.
   */
  FAILED(3);

  private final int code;

  QueryStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean isTerminal() {
    return this != PENDING;
  }

  public static QueryStatus fromCode(long code) {
    for (QueryStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new DataSharingException("unknown query status " + code);
  }
}
