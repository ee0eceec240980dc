package io.fugue.geofencing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.MapState;
import io.fugue.geofencing.policy.CountryCode;
import io.fugue.geofencing.policy.DataClass;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import io.fugue.geofencing.policy.LegalBasis;
import io.fugue.geofencing.policy.TransferDestination;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FenceRulesTest {
  static final Address GOV_A = addr(1);
  static final Address GOV_B = addr(2);
  static final Address GOV_C = addr(3);
  static final Address OFF_1 = addr(11);
  static final Address OFF_2 = addr(12);
  static final Address OFF_3 = addr(13);
  static final Address STRANGER = addr(99);
  static final FenceId EU = FenceId.of("eu-personal-data");

  private final FenceRules rules =
      new FenceRules(new ComplianceGovernance(List.of(GOV_A, GOV_B, GOV_C), 2, 2));
  private final MapState state = new MapState();
  private long height = 10;

  static Address addr(int i) {
    byte[] b = new byte[Address.SIZE];
    b[19] = (byte) i;
    return Address.of(b);
  }

  static FencePolicy policy(long retention, String... countries) {
    return new FencePolicy(
        java.util.Arrays.stream(countries).map(CountryCode::of).toList(),
        List.of(ShardId.of(2)),
        List.of(DataClass.of("net-worth-usd")),
        List.of(new TransferDestination(CountryCode.of("CH"), LegalBasis.ADEQUACY)),
        retention);
  }

  private void ok(Address sender, FenceTx tx) {
    rules.apply(tx, sender, state, height++);
  }

  private String refused(Address sender, FenceTx tx) {
    Map<?, ?> before = state.snapshot();
    String reason = rules.check(tx, sender, state, height).orElseThrow();
    assertThatThrownBy(() -> rules.apply(tx, sender, state, height))
        .isInstanceOf(GeoFencingException.class)
        .hasMessage(reason);
    assertThat(state.snapshot()).as("nothing changed").isEqualTo(before);
    return reason;
  }

  @BeforeEach
  void officers() {
    for (Address o : List.of(OFF_1, OFF_2, OFF_3)) {
      ok(GOV_A, new FenceTx.NominateOfficer(o));
      ok(GOV_B, new FenceTx.NominateOfficer(o));
    }
  }

  @Test
  void shouldRegisterOfficersAtTheGovernanceThreshold() {
    ok(GOV_A, new FenceTx.NominateOfficer(STRANGER));
    assertThat(FenceState.isOfficer(state, STRANGER)).isFalse();
    assertThat(refused(GOV_A, new FenceTx.NominateOfficer(STRANGER))).contains("already voted");
    assertThat(refused(OFF_1, new FenceTx.NominateOfficer(STRANGER)))
        .contains("only a governance member");
    ok(GOV_C, new FenceTx.NominateOfficer(STRANGER));
    assertThat(FenceState.isOfficer(state, STRANGER)).isTrue();
    assertThat(FenceState.officers(state))
        .extracting(Appointee::account)
        .containsExactly(OFF_1, OFF_2, OFF_3, STRANGER);
    assertThat(refused(GOV_B, new FenceTx.NominateOfficer(STRANGER))).contains("already");
  }

  @Test
  void shouldAdoptAtKApprovalsAndPutTheVersionInForceFromTheStatedHeight() {
    ok(OFF_1, new FenceTx.Propose(EU, 0, policy(3600, "DE", "FR"), 100));
    assertThat(FenceState.latest(state, EU)).as("one approval of two").isEmpty();
    long adoptedAt = height;
    ok(OFF_2, new FenceTx.Approve(0));
    Fence v1 = FenceState.latest(state, EU).orElseThrow();
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.inForceFrom()).isEqualTo(100);
    assertThat(v1.adoptedAt()).isEqualTo(adoptedAt);
    assertThat(FenceState.inForce(state, EU, 99)).isEmpty();
    assertThat(FenceState.inForce(state, EU, 100)).contains(v1);
    assertThat(FenceState.proposal(state, 0).orElseThrow().adoptedVersion()).isEqualTo(1);
    assertThat(FenceState.fenceIds(state, 0, 10)).containsExactly(EU);
  }

  @Test
  void shouldKeepEveryVersionAndServeTheOneInForceAtEachHeight() {
    ok(OFF_1, new FenceTx.Propose(EU, 0, policy(3600, "DE"), 20));
    ok(OFF_2, new FenceTx.Approve(0));
    ok(OFF_3, new FenceTx.Propose(EU, 1, policy(60, "DE", "FR"), 200));
    ok(OFF_1, new FenceTx.Approve(1));
    List<Fence> versions = FenceState.versions(state, EU);
    assertThat(versions).extracting(Fence::version).containsExactly(1, 2);
    assertThat(versions.get(0).policy().retentionSeconds()).isEqualTo(3600);
    assertThat(FenceState.inForce(state, EU, 150).orElseThrow().version()).isEqualTo(1);
    assertThat(FenceState.inForce(state, EU, 200).orElseThrow().version()).isEqualTo(2);
    assertThat(FenceState.fenceIds(state, 0, 10)).containsExactly(EU);
  }

  @Test
  void shouldRefuseApprovalsByNonOfficersTwiceOrOfSupersededProposals() {
    ok(OFF_1, new FenceTx.Propose(EU, 0, policy(3600, "DE"), 50));
    ok(OFF_2, new FenceTx.Propose(EU, 0, policy(7200, "DE"), 50));
    assertThat(refused(STRANGER, new FenceTx.Approve(0))).contains("only a compliance officer");
    assertThat(refused(GOV_A, new FenceTx.Approve(0))).contains("only a compliance officer");
    assertThat(refused(OFF_1, new FenceTx.Approve(0))).contains("already approved");
    assertThat(refused(OFF_1, new FenceTx.Approve(7))).contains("no fence proposal 7");
    ok(OFF_3, new FenceTx.Approve(1));
    assertThat(refused(OFF_3, new FenceTx.Approve(0))).contains("superseded");
    assertThat(refused(OFF_1, new FenceTx.Approve(1))).contains("already adopted");
    assertThat(FenceState.latest(state, EU).orElseThrow().policy().retentionSeconds())
        .isEqualTo(7200);
  }

  @Test
  void shouldRefuseProposalsFromNonOfficersOnStaleBasesOrForThePast() {
    assertThat(refused(STRANGER, new FenceTx.Propose(EU, 0, policy(1, "DE"), 50)))
        .contains("only a compliance officer");
    assertThat(refused(OFF_1, new FenceTx.Propose(EU, 3, policy(1, "DE"), 50)))
        .contains("latest version is 0");
    assertThat(refused(OFF_1, new FenceTx.Propose(EU, 0, policy(1, "DE"), height)))
        .contains("not after");
  }

  @Test
  void shouldRefuseAFenceConflictingWithAnotherOnTheSameShardAndClass() {
    ok(OFF_1, new FenceTx.Propose(EU, 0, policy(3600, "DE", "FR"), 50));
    ok(OFF_2, new FenceTx.Approve(0));
    FenceId other = FenceId.of("us-data");
    assertThat(refused(OFF_1, new FenceTx.Propose(other, 0, policy(3600, "US"), 60)))
        .contains("overlaps fence eu-personal-data");
    ok(OFF_1, new FenceTx.Propose(other, 0, policy(3600, "DE", "FR"), 60));
    ok(OFF_2, new FenceTx.Approve(1));
    assertThat(FenceState.fenceIds(state, 0, 10)).containsExactly(EU, other);
  }

  @Test
  void shouldRecheckConflictsAtAdoption() {
    FenceId other = FenceId.of("us-data");
    ok(OFF_1, new FenceTx.Propose(other, 0, policy(3600, "US"), 60));
    ok(OFF_1, new FenceTx.Propose(EU, 0, policy(3600, "DE"), 60));
    ok(OFF_2, new FenceTx.Approve(1));
    assertThat(refused(OFF_2, new FenceTx.Approve(0))).contains("overlaps fence eu-personal-data");
  }

  @Test
  void shouldRoundTripBodiesAndRecords() {
    FenceTx p = new FenceTx.Propose(EU, 2, policy(3600, "DE"), 77);
    assertThat(FenceTx.decode(p.type(), p.body())).isEqualTo(p);
    FenceTx a = new FenceTx.Approve(5);
    assertThat(FenceTx.decode(a.type(), a.body())).isEqualTo(a);
    FenceTx n = new FenceTx.NominateOfficer(OFF_1);
    assertThat(FenceTx.decode(n.type(), n.body())).isEqualTo(n);
    assertThatThrownBy(() -> FenceTx.decode(0x7f, a.body()))
        .isInstanceOf(GeoFencingException.class)
        .hasMessageContaining("not a fence transaction type");
    ok(OFF_1, new FenceTx.Propose(EU, 0, policy(3600, "DE"), 77));
    Proposal stored = FenceState.proposal(state, 0).orElseThrow();
    assertThat(Proposal.decode(stored.encode())).isEqualTo(stored);
  }
}
