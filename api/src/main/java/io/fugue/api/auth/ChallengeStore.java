package io.fugue.api.auth;

import io.fugue.api.model.AccountAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Outstanding login challenges: 32 random bytes bound to one address, usable once before expiry.
 * Bounded; when full, expired entries are purged, and if none were, issuing fails.
 */
public final class ChallengeStore {
  /** Prefix of the signed message, so a login signature is never valid for anything else. */
  static final String DOMAIN = "Fugue API login";

  private final Clock clock;
  private final Duration ttl;
  private final int capacity;
  private final SecureRandom random;
  private final Map<String, Issued> outstanding = new HashMap<>();

  /** An issued challenge and the exact text the caller must sign. */
  public record Issued(AccountAddress address, String challenge, Instant expiresAt) {
    public Issued {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(challenge, "challenge");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String message() {
      return DOMAIN
          + "\naddress: "
          + address.toHex()
          + "\nchallenge: "
          + challenge
          + "\nexpires: "
          + expiresAt.getEpochSecond();
    }
  }

  public ChallengeStore(Clock clock, Duration ttl, int capacity, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.capacity = capacity;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A fresh challenge, or empty when the store is full of live challenges. */
  public synchronized Optional<Issued> issue(AccountAddress address) {
    Instant now = clock.instant();
    if (outstanding.size() >= capacity) {
      outstanding.values().removeIf(i -> !now.isBefore(i.expiresAt()));
      if (outstanding.size() >= capacity) {
        return Optional.empty();
      }
    }
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    Issued issued = new Issued(address, "0x" + HexFormat.of().formatHex(nonce), now.plus(ttl));
    outstanding.put(issued.challenge(), issued);
    return Optional.of(issued);
  }

  /**
   * Removes and returns the challenge if it was issued to {@code address} and has not expired. Any
   * attempt consumes it, so a challenge cannot be used to try several signatures.
   */
  public synchronized Optional<Issued> consume(AccountAddress address, String challenge) {
    Issued issued = outstanding.remove(challenge);
    if (issued == null || !issued.address().equals(address)) {
      return Optional.empty();
    }
    return clock.instant().isBefore(issued.expiresAt()) ? Optional.of(issued) : Optional.empty();
  }
}
