package io.fugue.datasharing.registry;

import static io.fugue.datasharing.TestNetwork.GOV_A;
import static io.fugue.datasharing.TestNetwork.GOV_B;
import static io.fugue.datasharing.TestNetwork.GOV_C;
import static io.fugue.datasharing.TestNetwork.ISSUER;
import static io.fugue.datasharing.TestNetwork.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.execution.BuiltBlock;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.StateKeys;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.DataSharingTypes;
import io.fugue.datasharing.TestNetwork;
import io.fugue.zk.BitSize;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryModuleTest {
  private final TestNetwork net = new TestNetwork();

  private Issuer issuer(int i) {
    return RegistryState.issuer(net.beacon.headState(), net.address(i)).orElseThrow();
  }

  private String rejected(int account, RegistryTx body) {
    Bytes before = RegistryState.issuerKey(net.address(ISSUER));
    java.util.Optional<Bytes> recordBefore =
        net.beacon.headState().moduleValue(RegistryState.MODULE_ID, before);
    BuiltBlock b = net.beaconBlock(net.beaconTx(account, body));
    String reason = TestNetwork.skippedReason(b);
    assertThat(net.beacon.headState().moduleValue(RegistryState.MODULE_ID, before))
        .as("the issuer record is unchanged")
        .isEqualTo(recordBefore);
    return reason;
  }

  private void register(int i) {
    net.beaconOk(i, new RegistryTx.Register("Acme Bank " + i, "compliance@acme.example"));
  }

  private void approve(int i) {
    net.beaconOk(GOV_A, new RegistryTx.Approve(net.address(i)));
    net.beaconOk(GOV_B, new RegistryTx.Approve(net.address(i)));
  }

  @Test
  void shouldRegisterAnIssuerAsPendingWithItsNameAndContact() {
    register(ISSUER);
    Issuer i = issuer(ISSUER);
    assertThat(i.status()).isEqualTo(IssuerStatus.PENDING);
    assertThat(i.name()).isEqualTo("Acme Bank 3");
    assertThat(i.contact()).isEqualTo("compliance@acme.example");
    assertThat(i.registeredAt()).isEqualTo(net.beacon.head().timestamp());
    register(OTHER);
    assertThat(RegistryState.issuers(net.beacon.headState(), 0, 10))
        .containsExactly(net.address(ISSUER), net.address(OTHER));
    assertThat(RegistryState.issuers(net.beacon.headState(), 1, 10))
        .containsExactly(net.address(OTHER));
  }

  @Test
  void shouldApproveOnlyAtTheThresholdOfDistinctGovernanceVotes() {
    register(ISSUER);
    net.beaconOk(GOV_A, new RegistryTx.Approve(net.address(ISSUER)));
    assertThat(issuer(ISSUER).status()).isEqualTo(IssuerStatus.PENDING);
    assertThat(issuer(ISSUER).approvals()).containsExactly(net.address(GOV_A));
    assertThat(rejected(GOV_A, new RegistryTx.Approve(net.address(ISSUER))))
        .contains("has already approved");
    net.beaconOk(GOV_C, new RegistryTx.Approve(net.address(ISSUER)));
    assertThat(issuer(ISSUER).status()).isEqualTo(IssuerStatus.APPROVED);
    assertThat(issuer(ISSUER).approvals()).isEmpty();
  }

  @Test
  void shouldRejectApprovalBySomeoneOutsideGovernance() {
    register(ISSUER);
    assertThat(rejected(OTHER, new RegistryTx.Approve(net.address(ISSUER))))
        .contains("only a governance member may approve");
    assertThat(issuer(ISSUER).approvals()).isEmpty();
  }

  @Test
  void shouldSuspendWithOneMemberAndReinstateOnlyWithTheThreshold() {
    register(ISSUER);
    approve(ISSUER);
    net.beaconOk(GOV_C, new RegistryTx.Suspend(net.address(ISSUER), "audit pending"));
    assertThat(issuer(ISSUER).status()).isEqualTo(IssuerStatus.SUSPENDED);
    assertThat(rejected(GOV_A, new RegistryTx.Suspend(net.address(ISSUER), "")))
        .contains("only an approved issuer can be suspended");
    net.beaconOk(GOV_A, new RegistryTx.Approve(net.address(ISSUER)));
    assertThat(issuer(ISSUER).status()).isEqualTo(IssuerStatus.SUSPENDED);
    net.beaconOk(GOV_B, new RegistryTx.Approve(net.address(ISSUER)));
    assertThat(issuer(ISSUER).status()).isEqualTo(IssuerStatus.APPROVED);
  }

  @Test
  void shouldRejectRegisteringTwiceAndGovernanceRegistering() {
    register(ISSUER);
    assertThat(rejected(ISSUER, new RegistryTx.Register("again", "")))
        .contains("already registered");
    assertThat(rejected(GOV_A, new RegistryTx.Register("gov", "")))
        .contains("governance member cannot register");
  }

  @Test
  void shouldRejectActionsOnUnknownIssuers() {
    assertThat(rejected(GOV_A, new RegistryTx.Approve(net.address(OTHER))))
        .contains("no such issuer");
    assertThat(rejected(GOV_A, new RegistryTx.Suspend(net.address(OTHER), "")))
        .contains("no such issuer");
  }

  @Test
  void shouldLetGovernanceCreateASchemaForAnyIssuers() {
    RegistryTx.CreateSchema create = netWorth(List.of(net.address(ISSUER), net.address(OTHER)));
    net.beaconOk(GOV_A, create);
    Schema s = RegistryState.schema(net.beacon.headState(), create.id()).orElseThrow();
    assertThat(s.bits()).isEqualTo(BitSize.B64);
    assertThat(s.allowedIssuers()).containsExactly(net.address(ISSUER), net.address(OTHER));
    assertThat(s.creator()).isEqualTo(net.address(GOV_A));
    assertThat(rejected(GOV_B, create)).contains("is taken");
    assertThat(RegistryState.schemas(net.beacon.headState(), 0, 10)).containsExactly(create.id());
  }

  @Test
  void shouldLetAnApprovedIssuerCreateSchemasOnlyForItself() {
    register(ISSUER);
    assertThat(rejected(ISSUER, netWorth(List.of(net.address(ISSUER)))))
        .contains("only a governance member or an approved issuer");
    approve(ISSUER);
    assertThat(rejected(ISSUER, netWorth(List.of(net.address(ISSUER), net.address(OTHER)))))
        .contains("exactly itself");
    net.beaconOk(ISSUER, netWorth(List.of(net.address(ISSUER))));
  }

  @Test
  void shouldRejectMalformedBodiesWithAReasonAndApplyNothing() {
    Transaction badBits =
        raw(
            GOV_A,
            DataSharingTypes.SCHEMA_CREATE,
            RlpList.of(
                RlpString.of(SchemaId.of("x").toBytes()),
                str("attr"),
                str("u"),
                RlpString.ofUint(0),
                RlpString.ofUint(12),
                RlpList.of(RlpString.of(net.address(ISSUER)))));
    assertThat(TestNetwork.skippedReason(net.beaconBlock(badBits))).contains("bit size");
    Transaction badUtf8 =
        raw(
            ISSUER,
            DataSharingTypes.ISSUER_REGISTER,
            RlpList.of(RlpString.of(Bytes.of((byte) 0xc3, (byte) 0x28)), str("")));
    assertThat(TestNetwork.skippedReason(net.beaconBlock(badUtf8))).contains("not valid UTF-8");
    Transaction control =
        raw(ISSUER, DataSharingTypes.ISSUER_REGISTER, RlpList.of(str("Acme\u0007"), str("")));
    assertThat(TestNetwork.skippedReason(net.beaconBlock(control))).contains("control characters");
    Transaction fields = raw(ISSUER, DataSharingTypes.ISSUER_APPROVE, RlpList.of());
    assertThat(TestNetwork.skippedReason(net.beaconBlock(fields))).contains("1 fields, got 0");
    assertThat(RegistryState.issuer(net.beacon.headState(), net.address(ISSUER))).isEmpty();
    assertThat(RegistryState.schema(net.beacon.headState(), SchemaId.of("x"))).isEmpty();
  }

  @Test
  void shouldProveAnIssuerRecordAgainstTheBeaconStateRoot() {
    register(ISSUER);
    Hash32 root = net.beacon.head().stateRoot();
    Bytes key = RegistryState.issuerKey(net.address(ISSUER));
    var proof = net.beacon.worldState().proveModuleValue(root, RegistryState.MODULE_ID, key);
    Bytes logical = StateKeys.module(RegistryState.MODULE_ID, key);
    assertThat(proof.verify(root, logical, Optional.of(issuer(ISSUER).encode()))).isTrue();
    Issuer forged = issuer(ISSUER).withStatus(IssuerStatus.APPROVED, issuer(ISSUER).changedAt());
    assertThat(proof.verify(root, logical, Optional.of(forged.encode()))).isFalse();
  }

  @Test
  void shouldRoundTripRecordsAndRejectBadOnes() {
    Issuer i =
        new Issuer(
            net.address(ISSUER),
            "Acme",
            "a@b",
            IssuerStatus.PENDING,
            List.of(net.address(GOV_A)),
            5,
            9);
    assertThat(Issuer.decode(i.encode())).isEqualTo(i);
    Schema s = netWorth(List.of(net.address(ISSUER))).schema(net.address(GOV_A));
    assertThat(Schema.decode(s.encode())).isEqualTo(s);
    assertThatThrownBy(() -> Issuer.decode(Bytes.of((byte) 0xc0)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("issuer record");
    assertThatThrownBy(() -> SchemaId.of("Net Worth")).isInstanceOf(DataSharingException.class);
    assertThatThrownBy(() -> new GovernanceConfig(List.of(net.address(GOV_A)), 2))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> new GovernanceConfig(List.of(Address.ZERO, Address.ZERO), 1))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("distinct");
  }

  @Test
  void shouldDecodeEveryBodyItEncodes() {
    List<RegistryTx> bodies =
        List.of(
            new RegistryTx.Register("Acme", "kyc@acme.example"),
            new RegistryTx.Approve(net.address(ISSUER)),
            new RegistryTx.Suspend(net.address(ISSUER), "audit"),
            netWorth(List.of(net.address(ISSUER), net.address(OTHER))));
    for (RegistryTx body : bodies) {
      assertThat(RegistryTx.decode(body.type(), body.body())).isEqualTo(body);
    }
    assertThatThrownBy(() -> RegistryTx.decode(DataSharingTypes.ATTESTATION_PUBLISH, RlpList.of()))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("not a registry");
  }

  @Test
  void shouldRefuseToRunOnAShard() {
    RegistryModule module = new RegistryModule(net.governance);
    Transaction tx = net.beaconTx(ISSUER, new RegistryTx.Register("Acme", ""));
    var ctx =
        new io.fugue.chain.module.BlockContext(
            net.config.chainId(), ShardId.of(1), 2, 1, 0, net.clock.millis(), net.address(GOV_A));
    assertThat(module.validate(tx, net.address(ISSUER), net.beacon.headState(), ctx).reason())
        .contains("beacon chain only");
  }

  private RegistryTx.CreateSchema netWorth(List<Address> allowed) {
    return new RegistryTx.CreateSchema(
        SchemaId.of("net-worth-usd"), "net worth", "USD", 0, BitSize.B64, allowed);
  }

  private Transaction raw(int account, int type, RlpList body) {
    long nonce = net.beacon.headState().account(net.address(account).toBytes()).nonce();
    return new UnsignedTransaction(
            type, net.config.chainId(), nonce, ShardId.BEACON, Uint256.of(1_000), body)
        .sign(net.key(account));
  }

  private static RlpString str(String s) {
    return RlpString.of(Bytes.of(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
