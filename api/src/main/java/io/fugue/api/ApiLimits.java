package io.fugue.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on untrusted input, in one immutable object. Rates are token buckets: {@code burst}
 * requests at once, refilled at the per-second rate.
 *
 * @param maxBodyBytes largest request body; larger gets 413
 * @param ipBurst bucket size per remote IP, for endpoints without a token
 * @param ipPerSecond refill rate per remote IP
 * @param callerBurst bucket size per authenticated account
 * @param callerPerSecond refill rate per authenticated account
 * @param maxRateLimitKeys buckets kept at once; full idle buckets are dropped first
 * @param maxChallenges outstanding login challenges kept at once
 * @param maxTokens live bearer tokens kept at once
 * @param maxRpcBatch largest JSON-RPC batch
 * @param backendTimeout how long a backend call may take before the request fails with 503
 */
public record ApiLimits(
    long maxBodyBytes,
    int ipBurst,
    double ipPerSecond,
    int callerBurst,
    double callerPerSecond,
    int maxRateLimitKeys,
    int maxChallenges,
    int maxTokens,
    int maxRpcBatch,
    Duration backendTimeout) {

  /** The highest shard id any endpoint accepts (REST, JSON-RPC, WebSocket). */
  public static final long MAX_SHARD = 1023;

  public ApiLimits {
    positive(maxBodyBytes, "maxBodyBytes");
    positive(ipBurst, "ipBurst");
    positive(callerBurst, "callerBurst");
    positive(maxRateLimitKeys, "maxRateLimitKeys");
    positive(maxChallenges, "maxChallenges");
    positive(maxTokens, "maxTokens");
    positive(maxRpcBatch, "maxRpcBatch");
    if (!(ipPerSecond >= 0) || !(callerPerSecond >= 0)) {
      throw new IllegalArgumentException("refill rates must be >= 0");
    }
    Objects.requireNonNull(backendTimeout, "backendTimeout");
    if (backendTimeout.isNegative() || backendTimeout.isZero()) {
      throw new IllegalArgumentException("backendTimeout must be positive");
    }
  }

  /** 64 KiB bodies; 20 req/s (burst 40) per IP; 50 req/s (burst 100) per account. */
  public static ApiLimits defaults() {
    return new ApiLimits(
        64 * 1024, 40, 20, 100, 50, 100_000, 100_000, 100_000, 50, Duration.ofSeconds(30));
  }

  public ApiLimits withMaxBodyBytes(long bytes) {
    return new ApiLimits(
        bytes,
        ipBurst,
        ipPerSecond,
        callerBurst,
        callerPerSecond,
        maxRateLimitKeys,
        maxChallenges,
        maxTokens,
        maxRpcBatch,
        backendTimeout);
  }

  public ApiLimits withIpRate(int burst, double perSecond) {
    return new ApiLimits(
        maxBodyBytes,
        burst,
        perSecond,
        callerBurst,
        callerPerSecond,
        maxRateLimitKeys,
        maxChallenges,
        maxTokens,
        maxRpcBatch,
        backendTimeout);
  }

  public ApiLimits withCallerRate(int burst, double perSecond) {
    return new ApiLimits(
        maxBodyBytes,
        ipBurst,
        ipPerSecond,
        burst,
        perSecond,
        maxRateLimitKeys,
        maxChallenges,
        maxTokens,
        maxRpcBatch,
        backendTimeout);
  }

  public ApiLimits withBackendTimeout(Duration timeout) {
    return new ApiLimits(
        maxBodyBytes,
        ipBurst,
        ipPerSecond,
        callerBurst,
        callerPerSecond,
        maxRateLimitKeys,
        maxChallenges,
        maxTokens,
        maxRpcBatch,
        timeout);
  }

  private static void positive(long v, String name) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
