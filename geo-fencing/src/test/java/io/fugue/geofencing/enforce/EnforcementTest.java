package io.fugue.geofencing.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.geofencing.MapState;
import io.fugue.geofencing.TestKeys;
import io.fugue.geofencing.ledger.ComplianceGovernance;
import io.fugue.geofencing.ledger.FenceRules;
import io.fugue.geofencing.ledger.FenceTx;
import io.fugue.geofencing.location.LocationClaim;
import io.fugue.geofencing.location.LocationRules;
import io.fugue.geofencing.location.LocationTx;
import io.fugue.geofencing.policy.CountryCode;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnforcementTest {
  static final long CHAIN = 7;
  static final Address GOV = addr(1);
  static final Address OFFICER = addr(2);
  static final ShardId FENCED = ShardId.of(2);
  static final ShardId OPEN = ShardId.of(1);
  static final PeerId IN_DE = PeerId.of("12D3KooWDeutsch");
  static final PeerId IN_US = PeerId.of("12D3KooWAmerica");
  static final PeerId NO_CLAIM = PeerId.of("12D3KooWNoCLaim");

  final ComplianceGovernance gov = new ComplianceGovernance(List.of(GOV), 1, 1);
  final FenceRules fences = new FenceRules(gov);
  final LocationRules locations = new LocationRules(gov);
  final Secp256k1PrivateKey attestor = Secp256k1PrivateKey.generate(new SecureRandom());
  final MapState state = new MapState();
  long height = 1;
  final List<String> audited = new java.util.ArrayList<>();
  final FenceAdmission admission =
      new FenceAdmission(
          () -> state, () -> height, (kind, subject, detail) -> audited.add(kind + " " + subject));
  final FenceEligibility eligibility = new FenceEligibility();

  static Address addr(int i) {
    byte[] b = new byte[Address.SIZE];
    b[19] = (byte) i;
    return Address.of(b);
  }

  @BeforeEach
  void setUp() {
    fences.apply(new FenceTx.NominateOfficer(OFFICER), GOV, state, height++);
    locations.apply(
        new LocationTx.NominateAttestor(attestor.address()), GOV, state, height++, CHAIN);
    publish(IN_DE, 1, "DE", 50);
    publish(IN_US, 2, "US", 50);
  }

  private void publish(PeerId peer, int key, String country, long until) {
    LocationClaim c =
        LocationClaim.sign(
            peer, List.of(TestKeys.bls(key)), CountryCode.of(country), until, CHAIN, attestor);
    locations.apply(new LocationTx.Publish(c), GOV, state, height++, CHAIN);
  }

  private void fenceShardToEu(long from) {
    FencePolicy eu =
        new FencePolicy(
            List.of(CountryCode.of("DE"), CountryCode.of("FR")),
            List.of(FENCED),
            List.of(),
            List.of(),
            3600);
    fences.apply(new FenceTx.Propose(FenceId.of("eu"), 0, eu, from), OFFICER, state, height++);
  }

  @Test
  void shouldAdmitEveryoneWhileNoFenceIsInForce() {
    fenceShardToEu(20);
    assertThat(admission.admit(IN_US, FENCED).isAccepted()).as("not in force yet").isTrue();
    assertThat(eligibility.eligible(TestKeys.bls(2), FENCED, state, 19).isAccepted()).isTrue();
  }

  @Test
  void shouldAdmitOnlyInFencePeersToAFencedShardOnce() {
    fenceShardToEu(20);
    height = 20;
    assertThat(admission.admit(IN_DE, FENCED).isAccepted()).isTrue();
    assertThat(admission.admit(IN_US, FENCED).reason())
        .contains("attested in US, outside fence eu");
    assertThat(admission.admit(NO_CLAIM, FENCED).reason()).contains("no valid location claim");
    assertThat(admission.admit(IN_US, OPEN).isAccepted()).as("unfenced shard").isTrue();
    assertThat(admission.admit(IN_DE, FENCED).isAccepted()).isTrue();
    height = 50;
    assertThat(admission.admit(IN_DE, FENCED).isAccepted()).as("claim expired").isFalse();
    assertThat(audited)
        .as("each change of decision once, unfenced shards not at all")
        .containsExactly(
            "admitted " + IN_DE.value(),
            "refused " + IN_US.value(),
            "refused " + NO_CLAIM.value(),
            "refused " + IN_DE.value());
  }

  @Test
  void shouldMakeOnlyInFenceKeysEligibleForAFencedCommittee() {
    fenceShardToEu(20);
    assertThat(eligibility.eligible(TestKeys.bls(1), FENCED, state, 20).isAccepted()).isTrue();
    assertThat(eligibility.eligible(TestKeys.bls(2), FENCED, state, 20).reason())
        .contains("outside fence eu v1");
    assertThat(eligibility.eligible(TestKeys.bls(9), FENCED, state, 20).reason())
        .contains("no location claim");
    assertThat(eligibility.eligible(TestKeys.bls(1), FENCED, state, 50).reason())
        .contains("expired");
    locations.apply(new LocationTx.Revoke(IN_DE), GOV, state, height++, CHAIN);
    assertThat(eligibility.eligible(TestKeys.bls(1), FENCED, state, 21).isAccepted())
        .as("revoked")
        .isFalse();
  }
}
