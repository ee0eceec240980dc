package io.fugue.geofencing.geoip;

import io.fugue.geofencing.policy.CountryCode;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a claimed country with what a geo-IP database says about an address. Pure: the lookup is
 * passed in. A private, loopback or unlisted address gives {@link Outcome#UNKNOWN} — which fence
 * policy must treat as "not confirmed", never as "allowed".
 */
public final class GeoIpCheck {
  /** The comparison's result. */
  public enum Outcome {
    /** The database places the address in the claimed country. */
    MATCH,
    /** The database places the address in another country: report it. */
    MISMATCH,
    /** The address is not public, or the database does not know it. */
    UNKNOWN
  }

  /** The outcome and, when known, the database's country. */
  public record Result(Outcome outcome, Optional<CountryCode> observed) {
    public Result {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(observed, "observed");
    }
  }

  /** A country lookup, e.g. {@link MmdbCountryLookup}. */
  @FunctionalInterface
  public interface CountryLookup {
    /** The country the database gives for a public address, if any. */
    Optional<CountryCode> country(InetAddress address);
  }

  private GeoIpCheck() {}

  /** Checks {@code claimed} against {@code address}. */
  public static Result check(CountryCode claimed, InetAddress address, CountryLookup lookup) {
    if (!isPublic(address)) {
      return new Result(Outcome.UNKNOWN, Optional.empty());
    }
    Optional<CountryCode> seen = lookup.country(address);
    if (seen.isEmpty()) {
      return new Result(Outcome.UNKNOWN, seen);
    }
    return new Result(seen.get().equals(claimed) ? Outcome.MATCH : Outcome.MISMATCH, seen);
  }

  /**
   * Whether {@code a} is a globally routed unicast address: not loopback, unspecified, link-local,
   * site-local (RFC 1918), multicast, carrier-grade NAT (100.64/10, RFC 6598) or IPv6 unique local
   * (fc00::/7).
   */
  public static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      return !((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
    }
    return (b[0] & 0xfe) != 0xfc;
  }
}
