package io.fugue.chain.storage;

import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/** What the index keeps about a stored block, so it can be found without decoding it. */
public record BlockInfo(long number, Hash32 parentHash, Hash32 stateRoot) {
  public BlockInfo {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(stateRoot, "stateRoot");
  }
}
