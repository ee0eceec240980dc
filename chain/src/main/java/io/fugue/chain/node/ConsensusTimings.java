package io.fugue.chain.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.chain.consensus.ConsensusConfig;
import java.util.Iterator;
import java.util.List;

/**
 * A validator's own consensus timings, the optional {@code consensus} object of its config file
 * (docs/operations.md, "Timings"). They replace the timings derived from the genesis block time for
 * this node only; they are local policy, not consensus rules, but a committee whose members'
 * timeouts differ widely changes views unevenly. Names follow {@link ConsensusConfig}.
 *
 * @param blockIntervalMillis the leader waits this long after the parent was finalized
 * @param phaseTimeoutMillis waiting for the proposal, PREPARED or COMMITTED in view 0; must exceed
 *     the block interval, or every view would time out before its leader proposes
 * @param viewChangeTimeoutMillis waiting for NEWVIEW in view 1
 * @param maxTimeoutMillis the cap of the per-view backoff; at least both timeouts
 */
public record ConsensusTimings(
    long blockIntervalMillis,
    long phaseTimeoutMillis,
    long viewChangeTimeoutMillis,
    long maxTimeoutMillis) {
  /** One day: any larger timing is a typo (seconds for milliseconds), not a setting. */
  public static final long MAX_MILLIS = 86_400_000L;

  private static final List<String> FIELDS =
      List.of(
          "blockIntervalMillis",
          "phaseTimeoutMillis",
          "viewChangeTimeoutMillis",
          "maxTimeoutMillis");

  public ConsensusTimings {
    long[] values = {
      blockIntervalMillis, phaseTimeoutMillis, viewChangeTimeoutMillis, maxTimeoutMillis
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 1 || values[i] > MAX_MILLIS) {
        throw new NodeException(
            "'consensus." + FIELDS.get(i) + "' must be an integer in [1, " + MAX_MILLIS + "]");
      }
    }
    if (phaseTimeoutMillis <= blockIntervalMillis) {
      throw new NodeException(
          "'consensus.phaseTimeoutMillis' ("
              + phaseTimeoutMillis
              + ") must exceed 'consensus.blockIntervalMillis' ("
              + blockIntervalMillis
              + ")");
    }
    if (maxTimeoutMillis < Math.max(phaseTimeoutMillis, viewChangeTimeoutMillis)) {
      throw new NodeException(
          "'consensus.maxTimeoutMillis' ("
              + maxTimeoutMillis
              + ") must be at least 'consensus.phaseTimeoutMillis' and 'consensus.viewChangeTimeoutMillis'");
    }
  }

  /** {@code base} with these timings; its shard, leader rotation, sync retry and limits stay. */
  public ConsensusConfig applyTo(ConsensusConfig base) {
    return base.withTimings(
        blockIntervalMillis, phaseTimeoutMillis, viewChangeTimeoutMillis, maxTimeoutMillis);
  }

  /** Parses the {@code consensus} object strictly: all four fields, integers, nothing else. */
  static ConsensusTimings parse(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new NodeException("'consensus' must be an object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new NodeException("unknown field 'consensus." + f + "' (expected " + FIELDS + ")");
      }
    }
    long[] v = new long[FIELDS.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode f = n.get(FIELDS.get(i));
      if (f == null || !f.isIntegralNumber() || !f.canConvertToLong()) {
        throw new NodeException(
            "'consensus." + FIELDS.get(i) + "' must be an integer in [1, " + MAX_MILLIS + "]");
      }
      v[i] = f.asLong();
    }
    return new ConsensusTimings(v[0], v[1], v[2], v[3]);
  }
}
