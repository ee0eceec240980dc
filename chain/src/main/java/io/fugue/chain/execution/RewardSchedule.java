package io.fugue.chain.execution;

import io.fugue.chain.primitives.Uint256;
import java.util.List;
import java.util.Objects;

/**
 * The new coins minted per block, by epoch: each step sets the reward from its epoch on, until the
 * next step. Steps are strictly ascending by epoch and the first starts at epoch 0.
 */
public record RewardSchedule(List<Step> steps) {
  /** From {@code fromEpoch} on, each block mints {@code blockReward}. */
  public record Step(long fromEpoch, Uint256 blockReward) {
    public Step {
      Objects.requireNonNull(blockReward, "blockReward");
      if (fromEpoch < 0) {
        throw new IllegalArgumentException("a reward step starts at epoch >= 0, got " + fromEpoch);
      }
    }
  }

  public RewardSchedule {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.get(0).fromEpoch() != 0) {
      throw new IllegalArgumentException("the reward schedule must start at epoch 0");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).fromEpoch() <= steps.get(i - 1).fromEpoch()) {
        throw new IllegalArgumentException("reward steps must have strictly ascending epochs");
      }
    }
  }

  /** One constant reward from epoch 0. */
  public static RewardSchedule constant(Uint256 blockReward) {
    return new RewardSchedule(List.of(new Step(0, blockReward)));
  }

  /** The reward of a block in {@code epoch}. */
  public Uint256 blockReward(long epoch) {
    Uint256 reward = steps.get(0).blockReward();
    for (Step s : steps) {
      if (s.fromEpoch() > epoch) {
        break;
      }
      reward = s.blockReward();
    }
    return reward;
  }
}
