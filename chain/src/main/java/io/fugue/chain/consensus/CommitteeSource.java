package io.fugue.chain.consensus;

/** The committee that votes on a height (static per shard until staking changes it per epoch). */
@FunctionalInterface
public interface CommitteeSource {
  Committee committeeFor(long height);

  static CommitteeSource fixed(Committee committee) {
    return height -> committee;
  }
}
