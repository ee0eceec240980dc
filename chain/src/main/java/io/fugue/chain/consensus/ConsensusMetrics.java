package io.fugue.chain.consensus;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of one machine, read by the shell's metrics endpoint. Not thread-safe, like the machine.
 */
public final class ConsensusMetrics {
  private final EnumMap<Rejection, Long> rejected = new EnumMap<>(Rejection.class);
  private long accepted;
  private long finalized;
  private long viewChanges;
  private long evidence;
  private long buffered;

  void reject(Rejection reason) {
    rejected.merge(reason, 1L, Long::sum);
  }

  void accept() {
    accepted++;
  }

  void finalized() {
    finalized++;
  }

  void viewChange() {
    viewChanges++;
  }

  void evidence() {
    evidence++;
  }

  void buffered() {
    buffered++;
  }

  public long rejected(Rejection reason) {
    return rejected.getOrDefault(reason, 0L);
  }

  public long totalRejected() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<Rejection, Long> rejections() {
    return Map.copyOf(rejected);
  }

  public long acceptedMessages() {
    return accepted;
  }

  public long finalizedBlocks() {
    return finalized;
  }

  public long viewChanges() {
    return viewChanges;
  }

  public long evidenceEmitted() {
    return evidence;
  }

  public long bufferedMessages() {
    return buffered;
  }

  @Override
  public String toString() {
    return "accepted="
        + accepted
        + " finalized="
        + finalized
        + " viewChanges="
        + viewChanges
        + " evidence="
        + evidence
        + " rejected="
        + rejected;
  }
}
