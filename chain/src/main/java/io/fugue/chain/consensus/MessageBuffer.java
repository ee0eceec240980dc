package io.fugue.chain.consensus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages that arrived too early (a later view, the next height, a commit proof for a block not
 * yet seen), replayed whenever the machine's state moved. Bounded: when full, the oldest goes.
 */
final class MessageBuffer {
  private final int capacity;
  private final ConsensusMetrics metrics;
  private final ArrayDeque<ConsensusMessage> buffer = new ArrayDeque<>();
  private boolean replayRequested;

  MessageBuffer(int capacity, ConsensusMetrics metrics) {
    this.capacity = capacity;
    this.metrics = metrics;
  }

  void add(ConsensusMessage m) {
    if (capacity == 0) {
      metrics.reject(Rejection.BUFFER_FULL);
      return;
    }
    if (buffer.size() >= capacity) {
      buffer.poll();
      metrics.reject(Rejection.BUFFER_FULL);
    }
    buffer.add(m);
    metrics.buffered();
  }

  /** Buffers a message of a later view, unless the view is too far ahead to be worth storing. */
  void addAhead(ConsensusMessage m, RoundState round) {
    if (round.tooFarAhead(m.viewId())) {
      metrics.reject(Rejection.BAD_VIEW);
      return;
    }
    add(m);
  }

  /** The state moved: buffered messages may now apply. */
  void requestReplay() {
    replayRequested = true;
  }

  boolean replayRequested() {
    return replayRequested;
  }

  /** Empties the buffer for a replay; a message that still does not apply is buffered again. */
  List<ConsensusMessage> takeForReplay() {
    replayRequested = false;
    List<ConsensusMessage> pending = new ArrayList<>(buffer);
    buffer.clear();
    return pending;
  }

  int size() {
    return buffer.size();
  }
}
