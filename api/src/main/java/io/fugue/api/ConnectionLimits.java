package io.fugue.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on HTTP connections, against clients that hold connections open without finishing a
 * request (slow loris) or open many at once.
 *
 * @param headerTimeout how long a connection may take from opening (or from the end of its previous
 *     response) until a request's line and headers are complete; then it is closed
 * @param bodyTimeout how long a request's body may take to arrive once its headers are in; then the
 *     connection is closed without a response
 * @param idleTimeout a connection on which nothing is read or written this long is closed
 * @param maxPerIp connections one remote IP may hold at once; more are closed as they open
 */
public record ConnectionLimits(
    Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxPerIp) {

  public ConnectionLimits {
    positive(headerTimeout, "headerTimeout");
    positive(bodyTimeout, "bodyTimeout");
    positive(idleTimeout, "idleTimeout");
    if (maxPerIp <= 0) {
      throw new IllegalArgumentException("maxPerIp must be positive");
    }
  }

  /** 10 s for headers, 30 s for a body, 60 s idle, 64 connections per IP. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 64);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
