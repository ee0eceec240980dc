package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import java.util.Objects;

/** A block the builder produced, and the execution that led to its roots. */
public record BuiltBlock(Block block, ExecutionResult result) {
  public BuiltBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(result, "result");
  }
}
