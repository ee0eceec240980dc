package io.fugue.chain.consensus;

import java.util.OptionalLong;

/**
 * The machine's notion of time: the instant of the current call (given by the shell, never read
 * from a clock), the view deadline, a pending proposal instant, the rate limit of sync requests and
 * the last wake-up asked of the shell (so an unchanged one is not asked again).
 */
final class Timers {
  private long now;
  private long deadline;
  private long proposeAt = -1;
  private long lastScheduled = Long.MIN_VALUE;
  private long lastSyncRequest = Long.MIN_VALUE;

  void setNow(long nowMillis) {
    now = nowMillis;
  }

  long now() {
    return now;
  }

  /** The current view times out {@code millis} from now. */
  void deadlineIn(long millis) {
    deadline = now + millis;
  }

  boolean deadlinePassed() {
    return now >= deadline;
  }

  /** Propose at {@code atMillis}, or never if it is negative. */
  void proposeAt(long atMillis) {
    proposeAt = atMillis;
  }

  boolean proposalDue() {
    return proposeAt >= 0 && now >= proposeAt;
  }

  /** True (and the rate limit restarted) if a sync request may go out now. */
  boolean syncAllowed(long retryMillis) {
    if (lastSyncRequest == Long.MIN_VALUE || now - lastSyncRequest >= retryMillis) {
      lastSyncRequest = now;
      return true;
    }
    return false;
  }

  /** Forgets the last wake-up asked for: the tick that answered it is used up. */
  void tickConsumed() {
    lastScheduled = Long.MIN_VALUE;
  }

  /** The next instant the machine needs a tick, if it differs from the one last asked for. */
  OptionalLong wakeToSchedule(long resendAt) {
    long wake = deadline;
    if (proposeAt >= 0) {
      wake = Math.min(wake, proposeAt);
    }
    if (resendAt >= 0) {
      wake = Math.min(wake, resendAt);
    }
    if (wake == lastScheduled) {
      return OptionalLong.empty();
    }
    lastScheduled = wake;
    return OptionalLong.of(wake);
  }
}
