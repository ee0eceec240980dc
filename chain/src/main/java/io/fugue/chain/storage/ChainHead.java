package io.fugue.chain.storage;

import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/** The last committed block: where a restarted node resumes. */
public record ChainHead(Hash32 hash, long number, Hash32 stateRoot) {
  public ChainHead {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(stateRoot, "stateRoot");
  }
}
