package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecLimits;

/**
 * Size limits for untrusted ledger objects, checked while decoding (before signature checks), so an
 * oversize transaction or block is rejected cheaply and with a reason.
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
    if (maxTransactionBytes < 1
        || maxTransactionDataBytes < 0
        || maxBlockBytes < 1
        || maxTransactionsPerBlock < 0
        || maxIncomingReceiptBatches < 0
        || maxCrosslinks < 0
        || maxExtraBytes < 0
        || maxBitmapBytes < 0
        || maxRandomnessBytes < 0
        || maxLogsPerReceipt < 0) {
      throw new IllegalArgumentException("ledger limits must not be negative");
    }
  }

  /**
   * 128 KiB transactions with up to 64 KiB of data, 4 MiB blocks of at most 10,000 transactions, 32
   * bytes of extra data, bitmaps for up to 8,192 signers, 2 KiB VRF/VDF fields.
   */
  public static LedgerLimits defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}: set only the limits that differ. */
  public static Builder builder() {
    return new Builder();
  }

  /** Named limits instead of ten positional ints; every unset limit keeps its default. */
  public static final class Builder {
    private int maxTransactionBytes = 128 << 10;
    private int maxTransactionDataBytes = 64 << 10;
    private int maxBlockBytes = 4 << 20;
    private int maxTransactionsPerBlock = 10_000;
    private int maxIncomingReceiptBatches = 1_024;
    private int maxCrosslinks = 1_024;
    private int maxExtraBytes = 32;
    private int maxBitmapBytes = 1_024;
    private int maxRandomnessBytes = 2_048;
    private int maxLogsPerReceipt = 256;

    private Builder() {}

    public Builder maxTransactionBytes(int value) {
      maxTransactionBytes = value;
      return this;
    }

    public Builder maxTransactionDataBytes(int value) {
      maxTransactionDataBytes = value;
      return this;
    }

    public Builder maxBlockBytes(int value) {
      maxBlockBytes = value;
      return this;
    }

    public Builder maxTransactionsPerBlock(int value) {
      maxTransactionsPerBlock = value;
      return this;
    }

    public Builder maxIncomingReceiptBatches(int value) {
      maxIncomingReceiptBatches = value;
      return this;
    }

    public Builder maxCrosslinks(int value) {
      maxCrosslinks = value;
      return this;
    }

    public Builder maxExtraBytes(int value) {
      maxExtraBytes = value;
      return this;
    }

    public Builder maxBitmapBytes(int value) {
      maxBitmapBytes = value;
      return this;
    }

    public Builder maxRandomnessBytes(int value) {
      maxRandomnessBytes = value;
      return this;
    }

    public Builder maxLogsPerReceipt(int value) {
      maxLogsPerReceipt = value;
      return this;
    }

    public LedgerLimits build() {
      return new LedgerLimits(
          maxTransactionBytes,
          maxTransactionDataBytes,
          maxBlockBytes,
          maxTransactionsPerBlock,
          maxIncomingReceiptBatches,
          maxCrosslinks,
          maxExtraBytes,
          maxBitmapBytes,
          maxRandomnessBytes,
          maxLogsPerReceipt);
    }
  }

  /** Most RLP items in one transaction: ample for module bodies, small next to a block's. */
  public static final int MAX_TRANSACTION_ITEMS = 4_096;

  /** Codec limits for one transaction (also used for crosslinks and cross-shard receipts). */
  CodecLimits transactionCodec() {
    return CodecLimits.defaults()
        .withMaxInputBytes(maxTransactionBytes)
        .withMaxStringBytes(maxTransactionBytes)
        .withMaxItems(MAX_TRANSACTION_ITEMS);
  }

  /** Codec limits for a whole block, body, header or receipt. */
  CodecLimits blockCodec() {
    return CodecLimits.defaults()
        .withMaxInputBytes(maxBlockBytes)
        .withMaxStringBytes(maxBlockBytes);
  }
}
