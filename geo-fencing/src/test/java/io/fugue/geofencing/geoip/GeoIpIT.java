package io.fugue.geofencing.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.policy.CountryCode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups in the real CC0 country database (@ip-location-db/geo-whois-asn-country-mmdb, fetched
 * into target/ by fetch-geoip.sh before the integration tests). Expected countries are those of the
 * address blocks' registrations: 8.8.8.8 (Google, ARIN) US; 193.0.6.139 (RIPE NCC, Amsterdam) NL;
 * 133.11.0.1 (University of Tokyo, JPNIC) JP.
 */
class GeoIpIT {
  private static MmdbCountryLookup db;

  @BeforeAll
  static void open() {
    String path = System.getProperty("fugue.geoip.db");
    assertThat(path).as("fugue.geoip.db (set by the geo-fencing pom)").isNotNull();
    assertThat(Path.of(path)).exists();
    db = MmdbCountryLookup.open(Path.of(path));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static CountryCode lookup(String ip) throws Exception {
    return db.country(InetAddress.getByName(ip)).orElseThrow();
  }

  @Test
  void shouldPlaceWellKnownPublicAddressesInTheirRegisteredCountries() throws Exception {
    assertThat(lookup("8.8.8.8")).isEqualTo(CountryCode.of("US"));
    assertThat(lookup("193.0.6.139")).isEqualTo(CountryCode.of("NL"));
    assertThat(lookup("133.11.0.1")).isEqualTo(CountryCode.of("JP"));
  }

  @Test
  void shouldReportAMismatchAndKeepPrivateAddressesUnknown() throws Exception {
    assertThat(
            GeoIpCheck.check(CountryCode.of("DE"), InetAddress.getByName("8.8.8.8"), db).outcome())
        .isEqualTo(GeoIpCheck.Outcome.MISMATCH);
    assertThat(
            GeoIpCheck.check(CountryCode.of("NL"), InetAddress.getByName("193.0.6.139"), db)
                .outcome())
        .isEqualTo(GeoIpCheck.Outcome.MATCH);
    assertThat(
            GeoIpCheck.check(CountryCode.of("DE"), InetAddress.getByName("127.0.0.1"), db)
                .outcome())
        .isEqualTo(GeoIpCheck.Outcome.UNKNOWN);
  }

  @Test
  void shouldRefuseAFileThatIsNotAMaxMindDatabase(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.mmdb"), "not a database");
    assertThatThrownBy(() -> MmdbCountryLookup.open(junk)).isInstanceOf(GeoFencingException.class);
  }
}
