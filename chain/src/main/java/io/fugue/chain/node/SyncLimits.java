package io.fugue.chain.node;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of block sync, for what a node asks and what it answers or accepts.
 *
 * @param maxBlocksPerRequest blocks asked for (and served) per request
 * @param maxResponseBytes an encoded response never exceeds this (at least one block is served)
 * @param requestTimeout how long a request may take before another peer is tried
 */
public record SyncLimits(int maxBlocksPerRequest, int maxResponseBytes, Duration requestTimeout) {
  public SyncLimits {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxBlocksPerRequest < 1 || maxBlocksPerRequest > 0xFFFF || maxResponseBytes < 64 << 10) {
      throw new IllegalArgumentException("invalid sync limits");
    }
  }

  /** 64 blocks, 8 MiB (a maximal 4 MiB block always fits), 5 s. */
  public static SyncLimits defaults() {
    return new SyncLimits(64, 8 << 20, Duration.ofSeconds(5));
  }
}
