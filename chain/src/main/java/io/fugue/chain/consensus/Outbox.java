package io.fugue.chain.consensus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one machine call, and the messages this member sent in its current view. What it
 * sends it also hands to itself (the self queue), as every member counts its own vote. Invariant:
 * only messages of the current (height, view) are ever re-broadcast.
 */
final class Outbox {
  private final long resendEveryMillis;
  private final ArrayDeque<ConsensusMessage> selfQueue = new ArrayDeque<>();
  private final List<ConsensusMessage> sentInView = new ArrayList<>();
  private List<Output> out = new ArrayList<>();
  private long sentHeight = -1;
  private long sentView = -1;
  private long resendAt = -1;

  Outbox(long resendEveryMillis) {
    this.resendEveryMillis = resendEveryMillis;
  }

  /** Starts the output list of a new machine call. */
  void begin() {
    out = new ArrayList<>();
  }

  List<Output> outputs() {
    return out;
  }

  void emit(Output o) {
    out.add(o);
  }

  /** Broadcasts {@code m}, queues it for this member too, and remembers it for resending. */
  void send(ConsensusMessage m, long height, long view, long now) {
    out.add(new Output.Broadcast(m));
    selfQueue.add(m);
    if (sentHeight != height || sentView != view) {
      sentInView.clear();
      sentHeight = height;
      sentView = view;
    }
    sentInView.add(m);
    resendAt = now + resendEveryMillis;
  }

  /**
   * Gossip may lose a message for good; a member stuck in one view re-broadcasts what it sent in it
   * every base phase timeout, so one lost NEWVIEW or vote cannot stall a view that a quorum could
   * finish.
   */
  void resendIfDue(long height, long view, long now) {
    if (resendAt < 0 || now < resendAt) {
      return;
    }
    if (sentHeight != height || sentView != view) {
      resendAt = -1;
      return;
    }
    sentInView.forEach(m -> out.add(new Output.Broadcast(m)));
    resendAt = now + resendEveryMillis;
  }

  /** When a resend is due, or -1 if none is. */
  long resendAt() {
    return resendAt;
  }

  boolean hasSelfMessages() {
    return !selfQueue.isEmpty();
  }

  ConsensusMessage pollSelf() {
    return selfQueue.poll();
  }
}
