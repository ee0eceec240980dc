package io.fugue.geofencing.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.geofencing.MapState;
import io.fugue.geofencing.ledger.ComplianceGovernance;
import io.fugue.geofencing.ledger.FenceRules;
import io.fugue.geofencing.ledger.FenceTx;
import io.fugue.geofencing.policy.CountryCode;
import io.fugue.geofencing.policy.DataClass;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import io.fugue.geofencing.policy.LegalBasis;
import io.fugue.geofencing.policy.TransferDestination;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadGateTest {
  static final Address GOV = addr(1);
  static final Address OFFICER = addr(2);
  static final ShardId FENCED = ShardId.of(2);
  static final ShardId OPEN = ShardId.of(1);
  static final DataClass HEALTH = DataClass.of("health");
  static final DataClass KYC = DataClass.of("kyc");
  static final long IN_FORCE = 10;

  final FenceRules fences = new FenceRules(new ComplianceGovernance(List.of(GOV), 1, 1));
  final MapState state = new MapState();
  final List<String> audited = new ArrayList<>();
  final ReadGate gate =
      new ReadGate((kind, subject, detail) -> audited.add(kind + " " + subject + " " + detail));
  long height = 1;

  static Address addr(int i) {
    byte[] b = new byte[Address.SIZE];
    b[19] = (byte) i;
    return Address.of(b);
  }

  @BeforeEach
  void setUp() {
    fences.apply(new FenceTx.NominateOfficer(OFFICER), GOV, state, height++);
    FencePolicy eu =
        new FencePolicy(
            List.of(CountryCode.of("DE"), CountryCode.of("FR")),
            List.of(FENCED),
            List.of(HEALTH),
            List.of(
                new TransferDestination(CountryCode.of("CH"), LegalBasis.ADEQUACY),
                new TransferDestination(
                    CountryCode.of("US"), LegalBasis.STANDARD_CONTRACTUAL_CLAUSES)),
            3600);
    fences.apply(
        new FenceTx.Propose(FenceId.of("eu-health"), 0, eu, IN_FORCE), OFFICER, state, height++);
  }

  private ReadGate.Decision read(ShardId shard, DataClass c, String country) {
    return gate.decide(
        state, IN_FORCE, shard, c, "client-1", Optional.ofNullable(country).map(CountryCode::of));
  }

  @Test
  void shouldServeUnfencedDataToAnyoneWithoutAuditing() {
    assertThat(read(OPEN, HEALTH, "CN")).isInstanceOf(ReadGate.Unfenced.class);
    assertThat(read(FENCED, KYC, "CN"))
        .as("class not covered")
        .isInstanceOf(ReadGate.Unfenced.class);
    assertThat(read(OPEN, HEALTH, null)).isInstanceOf(ReadGate.Unfenced.class);
    assertThat(
            gate.decide(
                state, IN_FORCE - 1, FENCED, HEALTH, "c", Optional.of(CountryCode.of("CN"))))
        .as("fence not in force yet")
        .isInstanceOf(ReadGate.Unfenced.class);
    assertThat(audited).isEmpty();
  }

  @Test
  void shouldServeInFenceCallersAndAuditIt() {
    ReadGate.Decision d = read(FENCED, HEALTH, "FR");
    assertThat(d.served()).isTrue();
    assertThat(((ReadGate.Served) d).bases()).isEmpty();
    assertThat(audited)
        .containsExactly("served client-1 shard 2 class health to FR (inside every fence)");
  }

  @Test
  void shouldServeOutsideCallersWithAPermittedBasisAndAuditTheBasis() {
    ReadGate.Decision d = read(FENCED, HEALTH, "US");
    assertThat(d.served()).isTrue();
    assertThat(((ReadGate.Served) d).bases())
        .extracting(ReadGate.Transfer::basis)
        .containsExactly(LegalBasis.STANDARD_CONTRACTUAL_CLAUSES);
    assertThat(audited)
        .singleElement()
        .asString()
        .contains("served client-1", "to US", "fence eu-health v1", "Art. 46(2)(c)");
  }

  @Test
  void shouldRefuseOutsideCallersWithoutABasisNamingTheFenceAndTheMissingBasis() {
    ReadGate.Decision d = read(FENCED, HEALTH, "CN");
    assertThat(d.served()).isFalse();
    ReadGate.Refused r = (ReadGate.Refused) d;
    assertThat(r.fence().id()).isEqualTo(FenceId.of("eu-health"));
    assertThat(r.jurisdiction()).contains(CountryCode.of("CN"));
    assertThat(r.reason()).contains("fence eu-health v1", "no transfer basis", "for CN");
    assertThat(audited).singleElement().asString().startsWith("refused-read client-1");
  }

  @Test
  void shouldRefuseCallersOfUnknownJurisdiction() {
    ReadGate.Refused r = (ReadGate.Refused) read(FENCED, HEALTH, null);
    assertThat(r.jurisdiction()).isEmpty();
    assertThat(r.reason()).contains("jurisdiction is unknown");
  }
}
