package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;

/**
 * Per-key signing counts of the ending epoch, from commit bitmaps (filled by the node). A key with
 * {@code expected > 0} and {@code signed · 10,000 < availabilityThresholdBps · expected} becomes
 * inactive; only that key, never the whole validator.
 */
public interface Availability {
  long signed(ValidatorKey key);

  long expected(ValidatorKey key);

  /** No counts: every key keeps its status. */
  Availability NONE =
      new Availability() {
        @Override
        public long signed(ValidatorKey key) {
          return 0;
        }

        @Override
        public long expected(ValidatorKey key) {
          return 0;
        }
      };
}
