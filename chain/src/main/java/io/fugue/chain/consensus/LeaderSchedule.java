package io.fugue.chain.consensus;

/** Who leads view {@code viewId} at {@code height}: a committee index. */
@FunctionalInterface
public interface LeaderSchedule {
  int leaderIndex(Committee committee, long height, long viewId);
}
