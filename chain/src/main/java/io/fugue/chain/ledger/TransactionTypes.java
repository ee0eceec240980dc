package io.fugue.chain.ledger;

/**
 * Transaction type bytes. The chain owns 0x00..0x0f (0x02 and untyped RLP lists are Ethereum's
 * envelopes); ledger modules (staking, data sharing, fencing, ...) take theirs from 0x10..0x7f and
 * parse {@link Transaction#body()} themselves; the envelope's common fields and signature are
 * checked the same way for every type.
 */
public final class TransactionTypes {
  /** A value transfer, possibly to another shard; see {@link Transfer}. */
  public static final int TRANSFER = 0x01;

  /**
   * EIP-2930's type byte. It equals {@link #TRANSFER}; the two are told apart by the payload's
   * field count (6 for a Fugue transfer, 11 for EIP-2930). See {@link EthereumTransaction}.
   */
  public static final int ETHEREUM_ACCESS_LIST = 0x01;

  /** EIP-1559's type byte: an Ethereum-signed transfer with a fee cap and a tip. */
  public static final int ETHEREUM_DYNAMIC_FEE = 0x02;

  /** First type byte a ledger module may use. */
  public static final int FIRST_MODULE_TYPE = 0x10;

  private TransactionTypes() {}
}
