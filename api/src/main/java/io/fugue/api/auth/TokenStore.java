package io.fugue.api.auth;

import io.fugue.api.model.AccountAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opaque bearer tokens: 32 random bytes (base64url) handed to the caller, kept here only as their
 * SHA-256 so a heap dump does not leak usable tokens. Bounded like {@link ChallengeStore}.
 */
public final class TokenStore {
  private final Clock clock;
  private final Duration ttl;
  private final int capacity;
  private final SecureRandom random;
  private final Map<String, Session> sessions = new HashMap<>();

  /** A live token's account and expiry. */
  public record Session(AccountAddress address, Instant expiresAt) {}

  /** A newly issued token, shown to the caller once. */
  public record Issued(String token, Instant expiresAt) {}

  public TokenStore(Clock clock, Duration ttl, int capacity, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.capacity = capacity;
    this.random = Objects.requireNonNull(random, "random");
  }

  public synchronized Optional<Issued> issue(AccountAddress address) {
    Instant now = clock.instant();
    if (sessions.size() >= capacity) {
      sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
      if (sessions.size() >= capacity) {
        return Optional.empty();
      }
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant expiresAt = now.plus(ttl);
    sessions.put(fingerprint(token), new Session(address, expiresAt));
    return Optional.of(new Issued(token, expiresAt));
  }

  /** The session of a live token; an expired one is dropped and reported empty. */
  public synchronized Optional<Session> lookup(String token) {
    String key = fingerprint(token);
    Session s = sessions.get(key);
    if (s == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(s.expiresAt())) {
      sessions.remove(key);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static String fingerprint(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
