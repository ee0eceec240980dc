package io.fugue.chain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceTest {
  /** Counts its start and stop calls; can be told to fail its start. */
  private static final class Probe extends Service {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    boolean failStart;

    Probe() {
      super("probe");
    }

    @Override
    protected void doStart() {
      starts.incrementAndGet();
      if (failStart) {
        throw new IllegalStateException("cannot open");
      }
    }

    @Override
    protected void doStop() {
      stops.incrementAndGet();
    }

    void die(Throwable cause) {
      fail("the probe broke", cause);
    }
  }

  @Test
  void shouldStartOnceAndStopOnce() throws Exception {
    Probe p = new Probe();
    assertThat(p.state()).isEqualTo(Service.State.IDLE);
    p.start();
    assertThat(p.isRunning()).isTrue();
    assertThatThrownBy(p::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RUNNING");
    p.stop();
    p.stop();
    assertThat(p.state()).isEqualTo(Service.State.STOPPED);
    assertThat(p.starts).hasValue(1);
    assertThat(p.stops).hasValue(1);
    assertThat(p.terminated().toCompletableFuture().get(1, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void shouldLeaveAFailedStartStoppedWithWhatItOpenedClosed() {
    Probe p = new Probe();
    p.failStart = true;
    assertThatThrownBy(p::start).hasMessage("cannot open");
    assertThat(p.state()).isEqualTo(Service.State.STOPPED);
    assertThat(p.stops).hasValue(1);
  }

  @Test
  void shouldReportAFailureOnceAndStayFailed() throws Exception {
    Probe p = new Probe();
    p.start();
    RuntimeException cause = new RuntimeException("disk full");
    p.die(cause);
    p.die(new RuntimeException("again"));
    p.stop();
    assertThat(p.state()).isEqualTo(Service.State.FAILED);
    assertThat(p.stops).hasValue(1);
    assertThat(p.terminated().toCompletableFuture().get(1, TimeUnit.SECONDS))
        .isEqualTo(Optional.of(cause));
  }

  @Test
  void shouldNotFailAStoppedService() throws Exception {
    Probe p = new Probe();
    p.start();
    p.stop();
    p.die(new RuntimeException("late"));
    assertThat(p.state()).isEqualTo(Service.State.STOPPED);
    assertThat(p.terminated().toCompletableFuture().get(1, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void driverShouldRunTasksOnItsNamedThreadSurviveAThrowingTaskAndRefuseAfterStop()
      throws Exception {
    boolean[] running = {true};
    Driver d = new Driver("probe-driver", () -> running[0]);
    CountDownLatch ran = new CountDownLatch(1);
    String[] thread = new String[1];
    assertThat(
            d.execute(
                () -> {
                  throw new IllegalStateException("a bad task");
                }))
        .isTrue();
    assertThat(
            d.execute(
                () -> {
                  thread[0] = Thread.currentThread().getName();
                  ran.countDown();
                }))
        .isTrue();
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(thread[0]).isEqualTo("probe-driver");
    running[0] = false;
    assertThat(d.execute(() -> {})).isFalse();
    d.shutdown();
  }
}
