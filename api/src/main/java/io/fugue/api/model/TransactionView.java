package io.fugue.api.model;

import java.util.Objects;

/**
 * A transaction as the chain knows it. {@code blockNumber} is null while {@code status} is {@code
 * pending}.
 */
public record TransactionView(
    Digest hash, int shard, Long blockNumber, String status, AccountAddress from, HexBytes raw) {
  public TransactionView {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(raw, "raw");
  }
}
