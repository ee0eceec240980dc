package io.fugue.geofencing.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.geofencing.policy.CountryCode;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeoIpCheckTest {
  private static final GeoIpCheck.CountryLookup EVERYTHING_IS_US =
      a -> Optional.of(CountryCode.of("US"));

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void shouldTreatLoopbackAndPrivateAddressesAsUnknownNeverAllowed() throws Exception {
    for (String a :
        new String[] {
          "127.0.0.1",
          "::1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.0.1",
          "100.64.0.1",
          "0.0.0.0",
          "fd00::1",
          "fe80::1",
          "224.0.0.1"
        }) {
      GeoIpCheck.Result r = GeoIpCheck.check(CountryCode.of("US"), ip(a), EVERYTHING_IS_US);
      assertThat(r.outcome()).as(a).isEqualTo(GeoIpCheck.Outcome.UNKNOWN);
    }
  }

  @Test
  void shouldReportMatchAndMismatchForPublicAddresses() throws Exception {
    assertThat(GeoIpCheck.check(CountryCode.of("US"), ip("8.8.8.8"), EVERYTHING_IS_US).outcome())
        .isEqualTo(GeoIpCheck.Outcome.MATCH);
    GeoIpCheck.Result r = GeoIpCheck.check(CountryCode.of("DE"), ip("8.8.8.8"), EVERYTHING_IS_US);
    assertThat(r.outcome()).isEqualTo(GeoIpCheck.Outcome.MISMATCH);
    assertThat(r.observed()).contains(CountryCode.of("US"));
    assertThat(
            GeoIpCheck.check(CountryCode.of("DE"), ip("8.8.8.8"), a -> Optional.empty()).outcome())
        .isEqualTo(GeoIpCheck.Outcome.UNKNOWN);
  }
}
