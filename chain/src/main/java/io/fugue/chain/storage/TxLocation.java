package io.fugue.chain.storage;

import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/** Where a transaction (and its receipt) sits: block and position in the block. */
public record TxLocation(Hash32 blockHash, long blockNumber, int index) {
  public TxLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    if (index < 0) {
      throw new IllegalArgumentException("negative transaction index " + index);
    }
  }
}
