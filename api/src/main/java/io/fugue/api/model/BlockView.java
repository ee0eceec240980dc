package io.fugue.api.model;

import java.util.List;
import java.util.Objects;

/** A block header and its transaction hashes; {@code timestamp} is in epoch seconds. */
public record BlockView(
    int shard,
    long number,
    Digest hash,
    Digest parentHash,
    Digest stateRoot,
    long timestamp,
    List<Digest> transactions) {
  public BlockView {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(stateRoot, "stateRoot");
    transactions = List.copyOf(transactions);
  }
}
