package io.fugue.datasharing.attestation;

import static io.fugue.datasharing.TestNetwork.CLIENT;
import static io.fugue.datasharing.TestNetwork.GOV_A;
import static io.fugue.datasharing.TestNetwork.GOV_B;
import static io.fugue.datasharing.TestNetwork.HOLDER;
import static io.fugue.datasharing.TestNetwork.ISSUER;
import static io.fugue.datasharing.TestNetwork.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.execution.BuiltBlock;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.datasharing.DataSharingTypes;
import io.fugue.datasharing.TestNetwork;
import io.fugue.datasharing.registry.RegistryTx;
import io.fugue.datasharing.registry.SchemaId;
import io.fugue.zk.BitSize;
import io.fugue.zk.Opening;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttestationModuleIT {
  private static final SchemaId NET_WORTH = SchemaId.of("net-worth-usd");
  private static final SchemaId OTHERS_ONLY = SchemaId.of("others-only");
  private static final Subject ALICE = Subject.of("did:fugue:alice");
  private static final long DAY = 86_400_000L;

  private final TestNetwork net = new TestNetwork();
  private final Opening opening = Opening.random(1_500_000);

  @BeforeEach
  void registerIssuerAndSchemas() {
    net.beaconOk(ISSUER, new RegistryTx.Register("Acme Bank", "kyc@acme.example"));
    net.beaconOk(GOV_A, new RegistryTx.Approve(net.address(ISSUER)));
    net.beaconOk(GOV_B, new RegistryTx.Approve(net.address(ISSUER)));
    net.beaconOk(
        GOV_A,
        new RegistryTx.CreateSchema(
            NET_WORTH,
            "net worth",
            "USD",
            0,
            BitSize.B64,
            List.of(net.address(ISSUER), net.address(OTHER))));
    net.beaconOk(
        GOV_A,
        new RegistryTx.CreateSchema(
            OTHERS_ONLY, "age", "years", 0, BitSize.B8, List.of(net.address(OTHER))));
  }

  private AttestationTx.Publish publish(SchemaId schema, long validUntil) {
    return new AttestationTx.Publish(
        ALICE, net.address(HOLDER), schema, opening.commitment(), net.clock.millis(), validUntil);
  }

  private AttestationTx.Publish publish() {
    return publish(NET_WORTH, net.clock.millis() + 30 * DAY);
  }

  private AttestationId published() {
    BuiltBlock b = net.shardOk(ISSUER, publish());
    Receipt.Log log = b.result().receipts().get(0).logs().get(0);
    assertThat(log.topics().get(0)).isEqualTo(AttestationModule.PUBLISHED);
    return new AttestationId(log.topics().get(1));
  }

  private Attestation onChain(AttestationId id) {
    return AttestationState.attestation(net.shard.headState(), id).orElseThrow();
  }

  private String rejected(int account, AttestationTx body) {
    return TestNetwork.skippedReason(net.shardBlock(net.shardTx(account, body)));
  }

  @Test
  void shouldPublishWithADeterministicIdAndListItBySubjectAndIssuer() {
    long nonce = net.shard.headState().account(net.address(ISSUER).toBytes()).nonce();
    AttestationId id = published();
    assertThat(id)
        .isEqualTo(
            AttestationId.derive(TestNetwork.SHARD, net.address(ISSUER), nonce, ALICE, NET_WORTH));
    Attestation a = onChain(id);
    assertThat(a.commitment()).isEqualTo(opening.commitment());
    assertThat(a.holder()).isEqualTo(net.address(HOLDER));
    assertThat(a.status()).isEqualTo(AttestationStatus.ACTIVE);
    assertThat(a.issuedAt()).isEqualTo(net.shard.head().timestamp());
    AttestationId second = published();
    var state = net.shard.headState();
    assertThat(AttestationState.bySubject(state, ALICE, 0, 10)).containsExactly(id, second);
    assertThat(AttestationState.bySubject(state, ALICE, 1, 10)).containsExactly(second);
    assertThat(AttestationState.byIssuer(state, net.address(ISSUER), 0, 1)).containsExactly(id);
    assertThat(AttestationState.countBySubject(state, Subject.of("did:fugue:bob"))).isZero();
  }

  @Test
  void shouldProveTheRecordAgainstTheShardStateRoot() {
    AttestationId id = published();
    Hash32 root = net.shard.head().stateRoot();
    AttestationProof proof = AttestationProof.prove(net.shard.worldState(), root, id);
    assertThat(proof.verify()).isTrue();
    Attestation forged = proof.attestation().revoked(5);
    assertThat(new AttestationProof(forged, root, proof.proof()).verify()).isFalse();
    assertThat(new AttestationProof(proof.attestation(), Hash32.ZERO, proof.proof()).verify())
        .isFalse();
  }

  @Test
  void shouldLetOnlyTheIssuerRevokeAndOnlyOnce() {
    AttestationId id = published();
    assertThat(rejected(OTHER, new AttestationTx.Revoke(id)))
        .contains("only the attestation's issuer");
    net.shardOk(ISSUER, new AttestationTx.Revoke(id));
    assertThat(onChain(id).status()).isEqualTo(AttestationStatus.REVOKED);
    assertThat(onChain(id).revokedAt()).isEqualTo(net.shard.head().timestamp());
    assertThat(rejected(ISSUER, new AttestationTx.Revoke(id))).contains("already revoked");
    assertThat(rejected(ISSUER, new AttestationTx.Revoke(new AttestationId(Hash32.ZERO))))
        .contains("no such attestation");
  }

  @Test
  void shouldRejectPublicationByAccountsThatAreNotApprovedIssuers() {
    assertThat(rejected(CLIENT, publish())).contains("not a registered issuer");
    net.beaconOk(OTHER, new RegistryTx.Register("Beta Bank", ""));
    assertThat(rejected(OTHER, publish())).contains("PENDING, not APPROVED");
    net.beaconOk(GOV_B, new RegistryTx.Suspend(net.address(ISSUER), "audit"));
    assertThat(rejected(ISSUER, publish())).contains("SUSPENDED, not APPROVED");
  }

  @Test
  void shouldRejectSchemasThatAreUnknownOrDoNotAllowTheIssuer() {
    assertThat(rejected(ISSUER, publish(SchemaId.of("nope"), net.clock.millis() + DAY)))
        .contains("unknown schema");
    assertThat(rejected(ISSUER, publish(OTHERS_ONLY, net.clock.millis() + DAY)))
        .contains("does not allow this issuer");
  }

  @Test
  void shouldRejectAnAttestationThatExpiresBeforeItsBlock() {
    AttestationTx.Publish stale = publish(NET_WORTH, net.clock.millis() + 1);
    assertThat(rejected(ISSUER, stale)).contains("already have expired");
  }

  @Test
  void shouldRejectASubjectThatIsNotADidOrPseudonymAndApplyNothing() {
    byte[] rawBytes = new byte[32];
    java.util.Arrays.fill(rawBytes, (byte) 0x9c);
    for (Bytes subject :
        List.of(
            Bytes.of(
                "Alice Smith <alice@example.com>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            Bytes.of(rawBytes),
            Bytes.of("did:fugue:".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
      RlpList body =
          RlpList.of(
              RlpString.of(subject),
              RlpString.of(net.address(HOLDER)),
              RlpString.of(NET_WORTH.toBytes()),
              RlpString.of(Bytes.of(opening.commitment().toBytes())),
              RlpString.ofUint(0),
              RlpString.ofUint(net.clock.millis() + DAY));
      long nonce = net.shard.headState().account(net.address(ISSUER).toBytes()).nonce();
      Transaction tx =
          new UnsignedTransaction(
                  DataSharingTypes.ATTESTATION_PUBLISH,
                  net.config.chainId(),
                  nonce,
                  TestNetwork.SHARD,
                  Uint256.of(1_000),
                  body)
              .sign(net.key(ISSUER));
      assertThat(TestNetwork.skippedReason(net.shardBlock(tx))).contains("never a raw identifier");
    }
    assertThat(AttestationState.countByIssuer(net.shard.headState(), net.address(ISSUER))).isZero();
  }

  @Test
  void shouldRejectANonCanonicalCommitmentAndApplyNothing() {
    byte[] notAPoint = new byte[32];
    java.util.Arrays.fill(notAPoint, (byte) 0xff);
    RlpList body =
        RlpList.of(
            RlpString.of(ALICE.value()),
            RlpString.of(net.address(HOLDER)),
            RlpString.of(NET_WORTH.toBytes()),
            RlpString.of(Bytes.of(notAPoint)),
            RlpString.ofUint(0),
            RlpString.ofUint(net.clock.millis() + DAY));
    long nonce = net.shard.headState().account(net.address(ISSUER).toBytes()).nonce();
    Transaction tx =
        new UnsignedTransaction(
                DataSharingTypes.ATTESTATION_PUBLISH,
                net.config.chainId(),
                nonce,
                TestNetwork.SHARD,
                Uint256.of(1_000),
                body)
            .sign(net.key(ISSUER));
    assertThat(TestNetwork.skippedReason(net.shardBlock(tx)))
        .contains("not a canonical ristretto255 point");
    assertThat(AttestationState.countByIssuer(net.shard.headState(), net.address(ISSUER))).isZero();
  }

  @Test
  void shouldRejectAttestationsOnTheBeaconChain() {
    AttestationModule module = new AttestationModule(net.directory);
    Transaction tx = net.shardTx(ISSUER, publish());
    BlockContext beacon =
        new BlockContext(
            net.config.chainId(), ShardId.BEACON, 2, 1, 0, net.clock.millis(), net.address(GOV_A));
    assertThat(module.validate(tx, net.address(ISSUER), net.shard.headState(), beacon).reason())
        .contains("not the beacon chain");
  }
}
