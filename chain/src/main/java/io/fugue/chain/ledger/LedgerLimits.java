package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecLimits;

/**
 * Size limits for untrusted ledger objects, checked while decoding (before signature checks), so
 * an oversize transaction or block is rejected cheaply and with a reason.
 *
 * @param maxTransactionBytes largest encoded transaction
 * @param maxTransactionDataBytes largest {@code data} field of a transfer
 * @param maxBlockBytes largest encoded block (header plus body)
 * @param maxTransactionsPerBlock most transactions in one block body
 * @param maxIncomingReceiptBatches most incoming receipt batches in one body
 * @param maxCrosslinks most crosslinks in one body
 * @param maxExtraBytes largest {@code extra} header field
 * @param maxBitmapBytes largest signer bitmap (8 signers per byte)
 * @param maxRandomnessBytes largest {@code vrf} or {@code vdf} header field
 * @param maxLogsPerReceipt most logs in one receipt
 */
public record LedgerLimits(
    int maxTransactionBytes,
    int maxTransactionDataBytes,
    int maxBlockBytes,
    int maxTransactionsPerBlock,
    int maxIncomingReceiptBatches,
    int maxCrosslinks,
    int maxExtraBytes,
    int maxBitmapBytes,
    int maxRandomnessBytes,
    int maxLogsPerReceipt) {

  public LedgerLimits {
    if (maxTransactionBytes < 1 || maxTransactionDataBytes < 0 || maxBlockBytes < 1
        || maxTransactionsPerBlock < 0 || maxIncomingReceiptBatches < 0 || maxCrosslinks < 0
        || maxExtraBytes < 0 || maxBitmapBytes < 0 || maxRandomnessBytes < 0
        || maxLogsPerReceipt < 0) {
      throw new IllegalArgumentException("ledger limits must not be negative");
    }
  }

  /**
   * 128 KiB transactions with up to 64 KiB of data, 4 MiB blocks of at most 10,000 transactions,
   * 32 bytes of extra data, bitmaps for up to 8,192 signers, 2 KiB VRF/VDF fields.
   */
  public static LedgerLimits defaults() {
    return new LedgerLimits(128 << 10, 64 << 10, 4 << 20, 10_000, 1_024, 1_024, 32, 1_024,
        2_048, 256);
  }

  /** Codec limits for one transaction: its size, and room for its few items. */
  CodecLimits transactionCodec() {
    return CodecLimits.defaults().withMaxInputBytes(maxTransactionBytes)
        .withMaxItems(64);
  }

  /** Codec limits for a whole block or body. */
  CodecLimits blockCodec() {
    return CodecLimits.defaults().withMaxInputBytes(maxBlockBytes);
  }
}
