package io.fugue.chain.storage;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The column families of the node database. Each has an explicit, permanent byte id: the RocksDB
 * column family is named after the id, never after the enum constant, so constants may be renamed
 * freely. An id that is no longer used goes into {@link #RETIRED_IDS} and is never handed out
 * again, so an old database can never be misread by a newer node.
 */
public enum Column {
  /** Schema version, chain head and other single records. */
  META(0),
  /** Encoded block bodies by block hash. */
  BLOCKS(1),
  /** Encoded block headers by block hash. */
  HEADERS(2),
  /** Lookup indexes: canonical hash by number, block metadata, transaction locations. */
  INDEX(3),
  /** Authenticated-state tree nodes, content-addressed by their hash. */
  STATE_NODES(4),
  /** Encoded receipts by block hash and position. */
  RECEIPTS(5),
  /** Non-authenticated per-module data (caches, secondary indexes of ledger modules). */
  MODULE_STATE(6),
  /** Holder vault: openings sealed to the node's vault key. */
  VAULT(7),
  /** Compliance and query audit records. */
  AUDIT(8),
  /** Double-sign and other misbehaviour evidence. */
  EVIDENCE(9);

  /** Ids that were used by earlier schema versions and must never be reused. None yet. */
  public static final Set<Integer> RETIRED_IDS = Set.of();

  private final int id;

  Column(int id) {
    this.id = id;
  }

  /** The permanent id of this column. */
  public int id() {
    return id;
  }

  /** The RocksDB column family name: the single byte id. */
  byte[] familyName() {
    return new byte[] {(byte) id};
  }

  /** The column with the given id, if one is in use. */
  public static Optional<Column> byId(int id) {
    return Arrays.stream(values()).filter(c -> c.id == id).findFirst();
  }
}
