package io.fugue.chain.ledger;

/**
 * Transaction type bytes. The chain owns 0x00..0x0f; ledger modules (staking, data sharing,
 * fencing, ...) take theirs from 0x10..0x7f and parse {@link Transaction#body()} themselves; the
 * envelope's common fields and signature are checked the same way for every type.
 */
public final class TransactionTypes {
  /** A value transfer, possibly to another shard; see {@link Transfer}. */
  public static final int TRANSFER = 0x01;

  /** First type byte a ledger module may use. */
  public static final int FIRST_MODULE_TYPE = 0x10;

  private TransactionTypes() {}
}
