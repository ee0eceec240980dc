package io.fugue.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A token bucket per key. Each key starts with {@code burst} permits that refill at {@code
 * perSecond}. The number of keys is bounded: when full, buckets that have refilled completely are
 * dropped (they carry no state), oldest first; if none has, the new key is refused, so an attacker
 * cycling keys cannot grow memory. Thread-safe.
 */
public final class RateLimiter {
  private final int burst;
  private final double perSecond;
  private final int maxKeys;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>();

  public RateLimiter(int burst, double perSecond, int maxKeys, Clock clock) {
    if (burst <= 0 || maxKeys <= 0 || !(perSecond >= 0)) {
      throw new IllegalArgumentException("burst and maxKeys must be positive, perSecond >= 0");
    }
    this.burst = burst;
    this.perSecond = perSecond;
    this.maxKeys = maxKeys;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The bucket key of a remote IP address (the per-IP limiter's keys). */
  public static String ipKey(String hostAddress) {
    return "ip:" + hostAddress;
  }

  /** The decision for one request: allowed, or refused with the wait until the next permit. */
  public record Decision(boolean allowed, Duration retryAfter) {}

  public synchronized Decision tryAcquire(String key) {
    long now = clock.millis();
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      if (buckets.size() >= maxKeys && !evictRefilled(now)) {
        return new Decision(false, Duration.ofSeconds(1));
      }
      bucket = new Bucket(burst, now);
      buckets.put(key, bucket);
    }
    bucket.refill(now);
    if (bucket.permits >= 1) {
      bucket.permits -= 1;
      return new Decision(true, Duration.ZERO);
    }
    return new Decision(false, waitForOne(bucket.permits));
  }

  synchronized int trackedKeys() {
    return buckets.size();
  }

  private Duration waitForOne(double permits) {
    if (perSecond == 0) {
      return Duration.ofDays(1);
    }
    double seconds = (1 - permits) / perSecond;
    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
  }

  private boolean evictRefilled(long now) {
    boolean evicted = false;
    Iterator<Bucket> it = buckets.values().iterator();
    while (it.hasNext()) {
      Bucket b = it.next();
      b.refill(now);
      if (b.permits >= burst) {
        it.remove();
        evicted = true;
      }
    }
    return evicted;
  }

  private final class Bucket {
    private double permits;
    private long updatedAt;

    private Bucket(double permits, long updatedAt) {
      this.permits = permits;
      this.updatedAt = updatedAt;
    }

    private void refill(long now) {
      if (now > updatedAt) {
        permits = Math.min(burst, permits + (now - updatedAt) / 1000.0 * perSecond);
        updatedAt = now;
      }
    }
  }
}
