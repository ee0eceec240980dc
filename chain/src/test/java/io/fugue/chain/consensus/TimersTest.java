package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimersTest {

  @Test
  void shouldWakeAtTheEarliestOfDeadlineProposalAndResend() {
    Timers t = new Timers();
    t.setNow(1_000);
    t.deadlineIn(500);
    assertThat(t.wakeToSchedule(-1)).hasValue(1_500);
    t.proposeAt(1_200);
    assertThat(t.wakeToSchedule(1_300)).hasValue(1_200);
    t.proposeAt(-1);
    assertThat(t.wakeToSchedule(1_300)).hasValue(1_300);
  }

  @Test
  void shouldNotAskForTheSameWakeTwiceUntilTheTickIsUsedUp() {
    Timers t = new Timers();
    t.deadlineIn(100);
    assertThat(t.wakeToSchedule(-1)).hasValue(100);
    assertThat(t.wakeToSchedule(-1)).isEmpty();
    t.tickConsumed();
    assertThat(t.wakeToSchedule(-1)).hasValue(100);
  }

  @Test
  void shouldRateLimitSyncRequests() {
    Timers t = new Timers();
    t.setNow(0);
    assertThat(t.syncAllowed(1_000)).isTrue();
    t.setNow(999);
    assertThat(t.syncAllowed(1_000)).isFalse();
    t.setNow(1_000);
    assertThat(t.syncAllowed(1_000)).isTrue();
  }

  @Test
  void shouldReportDueProposalAndPassedDeadline() {
    Timers t = new Timers();
    t.setNow(0);
    t.deadlineIn(100);
    t.proposeAt(50);
    assertThat(t.proposalDue()).isFalse();
    assertThat(t.deadlinePassed()).isFalse();
    t.setNow(100);
    assertThat(t.proposalDue()).isTrue();
    assertThat(t.deadlinePassed()).isTrue();
  }
}
