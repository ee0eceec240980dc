package io.fugue.datasharing;

import io.fugue.chain.ledger.TransactionTypes;

/**
 * The transaction type bytes of the data-sharing ledger modules, taken from the module range
 * (0x10..0x7f) of {@link TransactionTypes}: 0x20..0x27 for the beacon-chain registry, 0x28..0x2f
 * for attestations on the shards, 0x40..0x47 for did:fugue DIDs (0x30..0x3f are the geo-fencing
 * module's) on the beacon chain.
 */
public final class DataSharingTypes {
  /** An account asks to become an issuer. */
  public static final int ISSUER_REGISTER = 0x20;

  /** A governance member approves an issuer (or votes to reinstate a suspended one). */
  public static final int ISSUER_APPROVE = 0x21;

  /** A governance member suspends an issuer. */
  public static final int ISSUER_SUSPEND = 0x22;

  /** A governance member or an approved issuer creates a schema. */
  public static final int SCHEMA_CREATE = 0x23;

  /** An approved issuer publishes an attestation on the subject's shard. */
  public static final int ATTESTATION_PUBLISH = 0x28;

  /** The issuer of an attestation revokes it. */
  public static final int ATTESTATION_REVOKE = 0x29;

  /** Creates a did:fugue DID controlled by the sender. */
  public static final int DID_CREATE = 0x40;

  /** The controller replaces a DID's document (and may hand control to another account). */
  public static final int DID_UPDATE = 0x41;

  /** The controller deactivates a DID for good. */
  public static final int DID_DEACTIVATE = 0x42;

  private DataSharingTypes() {}
}
