package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.BlockState;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateAndRewardRulesTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000a1");

  @Test
  void shouldKeepOnlyTheLimitsWorthOfTimestampsInsideTheWindow() {
    BlockState s = new WorldState(new InMemoryKeyValueStore()).newBlockState(WorldState.EMPTY_ROOT);
    for (long t = 0; t < 10; t++) {
      SenderActivity.record(s, A, 1_000 + t, 3);
    }
    assertThat(s.moduleValue(SenderActivity.ID.bytes(), A.toBytes()).orElseThrow().size())
        .as("at most 3 timestamps kept")
        .isEqualTo(24);
    assertThat(SenderActivity.countInWindow(s, A, 1_009)).isEqualTo(3);
    assertThat(SenderActivity.countInWindow(s, A, 1_009 + RateLimits.WINDOW_MILLIS)).isZero();
    SenderActivity.record(s, A, 5_000_000, 3);
    assertThat(SenderActivity.countInWindow(s, A, 5_000_000)).isEqualTo(1);
  }

  @Test
  void shouldApplyRateLimitsOnlyBeforeTheLiftEpoch() {
    RateLimits limits = new RateLimits(Uint256.ONE, 1, 1, 1, 5);
    assertThat(limits.activeAt(4)).isTrue();
    assertThat(limits.activeAt(5)).isFalse();
    assertThat(RateLimits.none().activeAt(0)).isFalse();
    assertThatThrownBy(() -> new RateLimits(Uint256.ONE, 0, 1, 1, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPickTheRewardOfTheLastStepStarted() {
    RewardSchedule s =
        new RewardSchedule(
            List.of(
                new RewardSchedule.Step(0, Uint256.of(24)),
                new RewardSchedule.Step(10, Uint256.of(17)),
                new RewardSchedule.Step(20, Uint256.ZERO)));
    assertThat(s.blockReward(0)).isEqualTo(Uint256.of(24));
    assertThat(s.blockReward(9)).isEqualTo(Uint256.of(24));
    assertThat(s.blockReward(10)).isEqualTo(Uint256.of(17));
    assertThat(s.blockReward(1_000)).isEqualTo(Uint256.ZERO);
    assertThatThrownBy(() -> new RewardSchedule(List.of(new RewardSchedule.Step(1, Uint256.ONE))))
        .hasMessageContaining("epoch 0");
    assertThatThrownBy(
            () ->
                new RewardSchedule(
                    List.of(
                        new RewardSchedule.Step(0, Uint256.ONE),
                        new RewardSchedule.Step(0, Uint256.ONE))))
        .hasMessageContaining("ascending");
  }
}
