package io.fugue.chain.consensus;

/**
 * The committee that votes on a height: fixed (the genesis committee), or the elected committee of
 * the height's epoch (a staking network's, read from the beacon chain's state).
 */
@FunctionalInterface
public interface CommitteeSource {
  /**
   * The committee of {@code height}; for a height this node cannot place yet (see {@link #knows})
   * the best it knows (the newest committee), which serves only to pre-filter messages.
   */
  Committee committeeFor(long height);

  /**
   * Whether {@link #committeeFor} is exact for {@code height}: false for a height whose epoch this
   * node has not reached yet (a message from a peer that is ahead), which must then be neither
   * trusted nor punished on membership.
   */
  default boolean knows(long height) {
    return true;
  }

  static CommitteeSource fixed(Committee committee) {
    return height -> committee;
  }
}
