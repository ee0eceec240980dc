package io.fugue.geofencing.policy;

import io.fugue.geofencing.GeoFencingException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case, checked against the officially assigned codes as
 * the JDK ships them ({@link Locale#getISOCountries()}, which follows ISO 3166-1 as maintained by
 * the ISO 3166 Maintenance Agency; the JDK's copy is updated with its releases). Reserved and
 * user-assigned codes (e.g. "EU", "XK", "ZZ") are refused: a fence names real jurisdictions.
 */
public record CountryCode(String value) implements Comparable<CountryCode> {
  private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

  public CountryCode {
    Objects.requireNonNull(value, "value");
    if (!ASSIGNED.contains(value)) {
      throw new GeoFencingException(
          "unknown country '"
              + value
              + "': not an assigned ISO 3166-1 alpha-2 code (upper case, e.g. DE)");
    }
  }

  public static CountryCode of(String value) {
    return new CountryCode(value);
  }

  @Override
  public int compareTo(CountryCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
