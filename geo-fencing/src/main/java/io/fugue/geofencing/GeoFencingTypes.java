package io.fugue.geofencing;

/**
 * The transaction type bytes of the geo-fencing ledger modules, from the module range (0x10..0x7f)
 * of {@code io.fugue.chain.ledger.TransactionTypes}: 0x30..0x37 for officers and fences on the
 * beacon chain (0x20..0x2f belong to data sharing); 0x38..0x3a for location attestors and claims;
 * 0x3b..0x3f for audit anchors and GDPR records.
 */
public final class GeoFencingTypes {
  /** A governance member votes to register a compliance officer. */
  public static final int OFFICER_NOMINATE = 0x30;

  /** A compliance officer proposes a new version of a fence (and approves it by proposing). */
  public static final int FENCE_PROPOSE = 0x31;

  /** A compliance officer approves a pending fence proposal. */
  public static final int FENCE_APPROVE = 0x32;

  /** A governance member votes to register a location attestor. */
  public static final int ATTESTOR_NOMINATE = 0x38;

  /** Anyone publishes a location claim signed by a registered attestor. */
  public static final int LOCATION_CLAIM = 0x39;

  /** The claim's attestor, or a governance member, revokes a peer's location claim. */
  public static final int LOCATION_REVOKE = 0x3a;

  /** A node anchors the head hash of its compliance audit log (0x3b..0x3f are audit and GDPR). */
  public static final int AUDIT_ANCHOR = 0x3b;

  private GeoFencingTypes() {}
}
