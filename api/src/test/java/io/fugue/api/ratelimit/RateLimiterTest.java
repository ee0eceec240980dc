package io.fugue.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.EPOCH);

  @Test
  void shouldAllowABurstThenRefuseWithTheWaitForTheNextPermit() {
    RateLimiter limiter = new RateLimiter(2, 4, 10, clock);
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
    RateLimiter.Decision refused = limiter.tryAcquire("k");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(250));
    clock.advance(Duration.ofMillis(250));
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
  }

  @Test
  void shouldKeepKeysApart() {
    RateLimiter limiter = new RateLimiter(1, 0, 10, clock);
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    assertThat(limiter.tryAcquire("b").allowed()).isTrue();
  }

  @Test
  void shouldNotRefillBeyondTheBurst() {
    RateLimiter limiter = new RateLimiter(2, 100, 10, clock);
    clock.advance(Duration.ofHours(1));
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
    assertThat(limiter.tryAcquire("k").allowed()).isFalse();
  }

  @Test
  void shouldBoundTheNumberOfKeysAndDropOnlyRefilledBuckets() {
    RateLimiter limiter = new RateLimiter(1, 1, 2, clock);
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    // both buckets are empty, so they carry state and a third key is refused
    assertThat(limiter.tryAcquire("c").allowed()).isFalse();
    assertThat(limiter.trackedKeys()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("c").allowed()).isTrue();
    assertThat(limiter.trackedKeys()).isEqualTo(1);
  }
}
