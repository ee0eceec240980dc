package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdlePacingTest {
  /** Devnet timings: block interval 1 s, phase timeout 4 s, idle interval 3 s. */
  private final IdlePacing devnet = IdlePacing.of(3_000, 1_000, 4_000);

  @Test
  void shouldHoldAnEmptyPoolsProposalAndLookAgainEveryPollPeriod() {
    // Parent finalized at 10 000; the proposal is due at 11 000 (block interval).
    assertThat(devnet.pollMillis()).isEqualTo(100);
    assertThat(devnet.holdUntil(11_000, 10_000, 0)).isEqualTo(11_100);
    assertThat(devnet.holdUntil(12_950, 10_000, 0)).isEqualTo(13_000);
  }

  @Test
  void shouldProposeAtOnceWhenThePoolHoldsATransaction() {
    assertThat(devnet.holdUntil(11_000, 10_000, 1)).isEqualTo(-1);
    assertThat(devnet.holdUntil(12_345, 10_000, 500)).isEqualTo(-1);
  }

  @Test
  void shouldProposeAnEmptyBlockOnceTheIdleIntervalHasPassed() {
    assertThat(devnet.holdUntil(13_000, 10_000, 0)).isEqualTo(-1);
    assertThat(devnet.holdUntil(20_000, 10_000, 0)).isEqualTo(-1);
  }

  @Test
  void shouldNeverHoldWhenOff() {
    assertThat(IdlePacing.of(0, 1_000, 4_000)).isEqualTo(IdlePacing.OFF);
    assertThat(IdlePacing.OFF.holdUntil(11_000, 10_000, 0)).isEqualTo(-1);
  }

  @Test
  void shouldPollAtTheBlockIntervalWhenThatIsShorterThanTheCap() {
    assertThat(IdlePacing.of(1_000, 20, 3_000).pollMillis()).isEqualTo(20);
    assertThat(IdlePacing.of(1_000, 0, 3_000).pollMillis()).isEqualTo(1);
  }

  @Test
  void shouldRejectAnIdleIntervalThatWouldLetValidatorsTimeOut() {
    // A validator times out blockInterval + phaseTimeout after the parent; the hold ends by
    // parent + idle, so idle <= blockInterval + phaseTimeout / 2 leaves half a phase timeout of
    // slack.
    assertThatThrownBy(() -> IdlePacing.of(3_001, 1_000, 4_000))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("half the phase timeout (3000 ms)");
    assertThat(IdlePacing.of(3_000, 1_000, 4_000).idleIntervalMillis()).isEqualTo(3_000);
    assertThatThrownBy(() -> IdlePacing.of(999, 1_000, 4_000))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("block interval");
  }
}
