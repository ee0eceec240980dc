package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Objects;

/**
 * A block as the {@link ChainStore} keeps it: already-encoded header and body, and the facts the
 * store indexes (the ledger computes them; the store does not parse blocks).
 *
 * @param transactionHashes the hashes of the body's transactions, in block order
 * @param receipts the encoded receipt of each transaction, in the same order
 */
public record StoredBlock(
    Hash32 hash,
    long number,
    Hash32 parentHash,
    Hash32 stateRoot,
    Bytes header,
    Bytes body,
    List<Hash32> transactionHashes,
    List<Bytes> receipts) {
  public StoredBlock {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    transactionHashes = List.copyOf(transactionHashes);
    receipts = List.copyOf(receipts);
    if (number < 0) {
      throw new IllegalArgumentException("negative block number " + number);
    }
    if (receipts.size() != transactionHashes.size()) {
      throw new IllegalArgumentException(
          transactionHashes.size() + " transactions but " + receipts.size() + " receipts");
    }
  }
}
