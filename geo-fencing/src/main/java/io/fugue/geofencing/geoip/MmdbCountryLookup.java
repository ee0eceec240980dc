package io.fugue.geofencing.geoip;

import com.maxmind.db.Reader;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.policy.CountryCode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Country lookups in a MaxMind DB (.mmdb) file with MaxMind's reader. Understands both record
 * shapes in use: GeoIP2/GeoLite2 Country ({@code country.iso_code}) and ip-location-db's country
 * databases ({@code country_code}). A code that is not an assigned ISO 3166-1 alpha-2 code (e.g.
 * "EU", "ZZ") counts as unknown. Thread-safe (the reader is).
 */
public final class MmdbCountryLookup implements GeoIpCheck.CountryLookup, AutoCloseable {
  private final Reader reader;

  private MmdbCountryLookup(Reader reader) {
    this.reader = reader;
  }

  /** Opens {@code file} memory-mapped; throws if it is not a MaxMind DB. */
  public static MmdbCountryLookup open(Path file) {
    try {
      return new MmdbCountryLookup(new Reader(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new GeoFencingException(
          "cannot open geo-IP database " + file + ": " + e.getMessage(), e);
    }
  }

  /** The database type from its metadata, e.g. {@code GeoLite2-Country}. */
  public String databaseType() {
    return reader.getMetadata().getDatabaseType();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<CountryCode> country(InetAddress address) {
    Map<String, Object> record;
    try {
      record = reader.get(address, Map.class);
    } catch (IOException e) {
      throw new GeoFencingException("geo-IP lookup failed for " + address.getHostAddress(), e);
    }
    if (record == null) {
      return Optional.empty();
    }
    Object code = record.get("country_code");
    if (code == null && record.get("country") instanceof Map<?, ?> country) {
      code = country.get("iso_code");
    }
    if (!(code instanceof String s)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CountryCode.of(s));
    } catch (GeoFencingException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new GeoFencingException("cannot close geo-IP database", e);
    }
  }
}
