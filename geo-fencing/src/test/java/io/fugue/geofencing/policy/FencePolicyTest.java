package io.fugue.geofencing.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.ShardId;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.GeoFencingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FencePolicyTest {
  static FencePolicy eu(List<String> classes, long retention) {
    return new FencePolicy(
        List.of(CountryCode.of("FR"), CountryCode.of("DE")),
        List.of(ShardId.of(2)),
        classes.stream().map(DataClass::of).toList(),
        List.of(new TransferDestination(CountryCode.of("CH"), LegalBasis.ADEQUACY)),
        retention);
  }

  @Test
  void shouldAcceptAssignedCountriesAndRefuseUnknownOnes() {
    assertThat(CountryCode.of("DE").value()).isEqualTo("DE");
    for (String bad : List.of("EU", "ZZ", "XK", "de", "DEU", "", "U1")) {
      assertThatThrownBy(() -> CountryCode.of(bad))
          .isInstanceOf(GeoFencingException.class)
          .hasMessageContaining("unknown country");
    }
  }

  @Test
  void shouldHoldListsSortedSoEqualRulesEncodeEqually() {
    FencePolicy a = eu(List.of("b", "a"), 60);
    FencePolicy b =
        new FencePolicy(
            List.of(CountryCode.of("DE"), CountryCode.of("FR")),
            List.of(ShardId.of(2)),
            List.of(DataClass.of("a"), DataClass.of("b")),
            a.destinations(),
            60);
    assertThat(a).isEqualTo(b);
    assertThat(a.encode()).isEqualTo(b.encode());
    assertThat(FencePolicy.decode(a.encode())).isEqualTo(a);
  }

  @Test
  void shouldRefuseMalformedRules() {
    assertThatThrownBy(
            () ->
                new FencePolicy(
                    List.of(CountryCode.of("FR")),
                    List.of(ShardId.BEACON),
                    List.of(),
                    List.of(),
                    1))
        .hasMessageContaining("beacon chain cannot be fenced");
    assertThatThrownBy(
            () ->
                new FencePolicy(
                    List.of(CountryCode.of("FR")),
                    List.of(ShardId.of(1)),
                    List.of(),
                    List.of(new TransferDestination(CountryCode.of("FR"), LegalBasis.ADEQUACY)),
                    1))
        .hasMessageContaining("inside the fence");
    assertThatThrownBy(
            () ->
                new FencePolicy(
                    List.of(CountryCode.of("FR")),
                    List.of(ShardId.of(1)),
                    List.of(),
                    List.of(
                        new TransferDestination(CountryCode.of("US"), LegalBasis.ADEQUACY),
                        new TransferDestination(CountryCode.of("US"), LegalBasis.EXPLICIT_CONSENT)),
                    1))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(
            () ->
                new FencePolicy(
                    List.of(CountryCode.of("FR"), CountryCode.of("FR")),
                    List.of(ShardId.of(1)),
                    List.of(),
                    List.of(),
                    1))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> eu(List.of(), 0)).hasMessageContaining("retention");
    assertThatThrownBy(() -> eu(List.of(), FencePolicy.MAX_RETENTION_SECONDS + 1))
        .hasMessageContaining("retention");
  }

  @Test
  void shouldRefuseNonCanonicalAndMalformedEncodings() {
    FencePolicy p = eu(List.of("a"), 60);
    RlpList enc = p.encode();
    RlpList unsorted =
        RlpList.of(
            RlpList.of(Codecs.ascii("FR"), Codecs.ascii("DE")),
            enc.get(1),
            enc.get(2),
            enc.get(3),
            enc.get(4));
    assertThatThrownBy(() -> FencePolicy.decode(unsorted)).hasMessageContaining("canonical");
    RlpList badCountry =
        RlpList.of(RlpList.of(Codecs.ascii("QQ")), enc.get(1), enc.get(2), enc.get(3), enc.get(4));
    assertThatThrownBy(() -> FencePolicy.decode(badCountry))
        .isInstanceOf(GeoFencingException.class)
        .hasMessageContaining("unknown country");
    RlpList badBasis =
        RlpList.of(
            enc.get(0),
            enc.get(1),
            enc.get(2),
            RlpList.of(RlpList.of(Codecs.ascii("CH"), RlpString.ofUint(9))),
            enc.get(4));
    assertThatThrownBy(() -> FencePolicy.decode(badBasis))
        .hasMessageContaining("unknown legal basis");
    assertThatThrownBy(() -> FencePolicy.decode(RlpList.of(enc.get(0))))
        .isInstanceOf(GeoFencingException.class);
  }

  @Test
  void shouldConflictOnlyWhenSharingShardAndClassWithDifferentRules() {
    FencePolicy a = eu(List.of("net-worth"), 60);
    assertThat(a.conflictsWith(eu(List.of("net-worth"), 60))).as("same rules").isFalse();
    assertThat(a.conflictsWith(eu(List.of("net-worth"), 61))).as("other retention").isTrue();
    assertThat(a.conflictsWith(eu(List.of("income"), 61))).as("other class").isFalse();
    assertThat(a.conflictsWith(eu(List.of(), 61))).as("all classes").isTrue();
    FencePolicy otherShard =
        new FencePolicy(
            List.of(CountryCode.of("US")), List.of(ShardId.of(3)), List.of(), List.of(), 5);
    assertThat(a.conflictsWith(otherShard)).isFalse();
  }

  @Test
  void shouldNameTheBasisForPermittedDestinationsOnly() {
    FencePolicy a = eu(List.of(), 60);
    assertThat(a.basisFor(CountryCode.of("CH"))).contains(LegalBasis.ADEQUACY);
    assertThat(a.basisFor(CountryCode.of("US"))).isEmpty();
    assertThat(a.covers(CountryCode.of("DE"))).isTrue();
    assertThat(a.covers(DataClass.of("anything"))).isTrue();
  }
}
