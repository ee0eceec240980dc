package io.fugue.chain.node;

/**
 * The empty-block policy of a leader (docs/protocol.md, "Empty blocks"): while its txpool is empty,
 * the leader of view 0 holds its proposal back, looking at the pool again every {@code pollMillis},
 * until {@code idleIntervalMillis} after its parent was finalized; then it proposes even an empty
 * block, so that an idle chain still advances (and proves its leader alive) at that pace. A
 * transaction that arrives meanwhile is proposed at the next look. With a non-empty pool nothing is
 * held: under load the block interval, and so finality, are exactly those of the consensus timings.
 *
 * <p>The hold never reaches a validator's view timeout: a validator waits {@code blockInterval +
 * phaseTimeout} after it finalized the parent for the proposal, and {@link #check} requires {@code
 * idleIntervalMillis <= blockInterval + phaseTimeout / 2}, which leaves half a phase timeout for
 * the skew between the leader's and the validators' finalization of the parent and for the proposal
 * to travel. Local policy, not a consensus rule: validators cannot tell a held proposal from a slow
 * one.
 *
 * @param idleIntervalMillis the longest a leader waits after the parent while its pool is empty; 0
 *     turns the policy off (a block every block interval)
 * @param pollMillis how often a holding leader looks at its pool
 */
record IdlePacing(long idleIntervalMillis, long pollMillis) {
  static final IdlePacing OFF = new IdlePacing(0, 1);

  /** The longest a holding leader goes without looking at its pool. */
  static final long MAX_POLL_MILLIS = 100;

  IdlePacing {
    if (idleIntervalMillis < 0 || pollMillis < 1) {
      throw new NodeException("idle block interval must be >= 0 and the poll period >= 1 ms");
    }
  }

  /** The policy for these timings: looks at the pool every block interval, at most every 100 ms. */
  static IdlePacing of(long idleIntervalMillis, long blockIntervalMillis, long phaseTimeoutMillis) {
    check(idleIntervalMillis, blockIntervalMillis, phaseTimeoutMillis);
    return idleIntervalMillis == 0
        ? OFF
        : new IdlePacing(
            idleIntervalMillis, Math.max(1, Math.min(blockIntervalMillis, MAX_POLL_MILLIS)));
  }

  /** The longest idle interval these timings allow: block interval + half the phase timeout. */
  static long maxIdleInterval(long blockIntervalMillis, long phaseTimeoutMillis) {
    return blockIntervalMillis + phaseTimeoutMillis / 2;
  }

  /**
   * Rejects an idle interval shorter than the block interval or longer than {@link
   * #maxIdleInterval}.
   */
  static void check(long idleIntervalMillis, long blockIntervalMillis, long phaseTimeoutMillis) {
    if (idleIntervalMillis == 0) {
      return;
    }
    long max = maxIdleInterval(blockIntervalMillis, phaseTimeoutMillis);
    if (idleIntervalMillis < blockIntervalMillis || idleIntervalMillis > max) {
      throw new NodeException(
          "the idle block interval ("
              + idleIntervalMillis
              + " ms) must be 0 (off) or between "
              + "the block interval ("
              + blockIntervalMillis
              + " ms) and the block interval + half the phase timeout ("
              + max
              + " ms), or validators would change views while the leader waits for transactions");
    }
  }

  boolean enabled() {
    return idleIntervalMillis > 0;
  }

  /**
   * Whether a leader about to propose at {@code nowMillis} holds back, and until when.
   *
   * @param parentFinalizedAtMillis when this node finalized the parent (or started)
   * @param pendingTransactions what its pool holds now
   * @return -1 to propose now; else the instant to look again
   */
  long holdUntil(long nowMillis, long parentFinalizedAtMillis, int pendingTransactions) {
    long latest = parentFinalizedAtMillis + idleIntervalMillis;
    if (!enabled() || pendingTransactions > 0 || nowMillis >= latest) {
      return -1;
    }
    return Math.min(latest, nowMillis + pollMillis);
  }
}
