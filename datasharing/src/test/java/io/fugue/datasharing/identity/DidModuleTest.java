package io.fugue.datasharing.identity;

import static io.fugue.datasharing.TestNetwork.HOLDER;
import static io.fugue.datasharing.TestNetwork.ISSUER;
import static io.fugue.datasharing.TestNetwork.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.execution.BuiltBlock;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.DataSharingTypes;
import io.fugue.datasharing.TestNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

class DidModuleTest {
  private final TestNetwork net = new TestNetwork();

  private Bytes compressedKey(int account) {
    Bytes xy = net.key(account).publicKey().toBytes();
    byte prefix = (byte) ((xy.get(63) & 1) == 1 ? 0x03 : 0x02);
    return Bytes.concat(Bytes.of(prefix), xy.slice(0, 32));
  }

  private DidId create(int account, DidTx.Create body) {
    long nonce = net.beacon.headState().account(net.address(account).toBytes()).nonce();
    ok(net.beaconBlock(net.didTx(account, body)));
    return DidId.derive(net.address(account), nonce);
  }

  private static void ok(BuiltBlock b) {
    assertThat(b.result().skipped()).isEmpty();
    assertThat(b.result().receipts().get(0).status()).isEqualTo(Receipt.Status.SUCCESS);
  }

  private DidRecord record(DidId id) {
    return DidState.did(net.beacon.headState(), id).orElseThrow();
  }

  private DidTx.Create basic(int account) {
    return new DidTx.Create(
        List.of(new VerificationMethod("key-1", compressedKey(account))),
        List.of(new Service("hub", "LinkedDomains", "https://alice.example/")));
  }

  @Test
  void createUpdateRotateDeactivate() {
    DidId id = create(HOLDER, basic(HOLDER));
    DidRecord r = record(id);
    assertThat(r.controller()).isEqualTo(net.address(HOLDER));
    assertThat(r.version()).isEqualTo(1);
    assertThat(r.created()).isEqualTo(net.beacon.head().timestamp());
    String doc = DidDocuments.document(r, net.config.chainId());
    assertThat(doc)
        .startsWith("{\"@context\":[\"https://www.w3.org/ns/did/v1\"")
        .contains("\"id\":\"" + id + "\"")
        .contains("\"id\":\"" + id + "#key-1\",\"type\":\"EcdsaSecp256k1VerificationKey2019\"")
        .contains("\"publicKeyHex\":\"" + compressedKey(HOLDER).toHex() + "\"")
        .contains("\"serviceEndpoint\":\"https://alice.example/\"");
    assertThat(DidDocuments.metadata(r))
        .contains("\"versionId\":\"1\"")
        .contains("\"deactivated\":false");

    // Someone else may not update it.
    DidTx.Update hijack =
        new DidTx.Update(
            id,
            net.address(OTHER),
            List.of(new VerificationMethod("k", compressedKey(OTHER))),
            List.of());
    BuiltBlock refused = net.beaconBlock(net.didTx(OTHER, hijack));
    assertThat(TestNetwork.skippedReason(refused)).contains("only the controller");
    assertThat(record(id).version()).isEqualTo(1);

    // The controller rotates control to ISSUER's account and replaces the keys.
    ok(
        net.beaconBlock(
            net.didTx(
                HOLDER,
                new DidTx.Update(
                    id,
                    net.address(ISSUER),
                    List.of(new VerificationMethod("key-2", compressedKey(ISSUER))),
                    List.of()))));
    DidRecord rotated = record(id);
    assertThat(rotated.controller()).isEqualTo(net.address(ISSUER));
    assertThat(rotated.version()).isEqualTo(2);
    assertThat(rotated.updated()).isGreaterThan(rotated.created());
    assertThat(DidDocuments.document(rotated, net.config.chainId()))
        .contains("#key-2")
        .doesNotContain("#key-1")
        .doesNotContain("\"service\"");

    // The old controller has lost control; the new one deactivates.
    assertThat(
            TestNetwork.skippedReason(net.beaconBlock(net.didTx(HOLDER, new DidTx.Deactivate(id)))))
        .contains("only the controller");
    ok(net.beaconBlock(net.didTx(ISSUER, new DidTx.Deactivate(id))));
    DidRecord dead = record(id);
    assertThat(dead.deactivated()).isTrue();
    assertThat(dead.version()).isEqualTo(3);
    assertThat(DidDocuments.document(dead, net.config.chainId()))
        .isEqualTo(
            "{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/suites/secp256k1-2019/v1\"],\"id\":\""
                + id
                + "\"}");
    assertThat(
            TestNetwork.skippedReason(net.beaconBlock(net.didTx(ISSUER, new DidTx.Deactivate(id)))))
        .contains("is deactivated");
  }

  @Test
  void unknownDidAndBadBodiesAreRejectedAndNothingIsWritten() {
    DidId missing = DidId.derive(net.address(OTHER), 99);
    assertThat(
            TestNetwork.skippedReason(
                net.beaconBlock(net.didTx(OTHER, new DidTx.Deactivate(missing)))))
        .contains("does not exist");
    assertThat(DidState.did(net.beacon.headState(), missing)).isEmpty();
    assertThatThrownBy(() -> DidTx.decode(DataSharingTypes.DID_CREATE, RlpList.of(RlpString.EMPTY)))
        .isInstanceOf(DataSharingException.class);
    assertThatThrownBy(() -> new VerificationMethod("k", Bytes.of(new byte[33])))
        .isInstanceOf(IllegalArgumentException.class);
    Bytes notOnCurve = Bytes.concat(Bytes.of((byte) 0x02), Bytes.of(new byte[32]));
    assertThatThrownBy(() -> new VerificationMethod("k", notOnCurve))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Service("s", "T", "javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DidTx.Create(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DidId.parse("did:fugue:XYZ"))
        .isInstanceOf(IllegalArgumentException.class);
    DidId id = DidId.derive(net.address(OTHER), 1);
    assertThat(DidId.parse(id.toString())).isEqualTo(id);
    // A record round-trips through its encoding.
    DidId created = create(HOLDER, basic(HOLDER));
    assertThat(DidRecord.decode(record(created).encode())).isEqualTo(record(created));
  }

  @Test
  void resolvesWithAnInclusionProofAgainstTheBeaconStateRoot() {
    DidId id = create(HOLDER, basic(HOLDER));
    var root = net.beacon.head().stateRoot();
    DidResolver.Resolution r = DidResolver.resolve(net.beacon.worldState(), root, id.toString());
    assertThat(r.error()).isNull();
    assertThat(DidResolver.verify(r)).isTrue();
    DidRecord forged =
        new DidRecord(
            id, net.address(OTHER), r.record().orElseThrow().methods(), List.of(), 1, 0, 0, false);
    assertThat(
            new DidResolver.Resolution(
                r.did(), root, java.util.Optional.of(forged), r.proof(), null))
        .satisfies(f -> assertThat(DidResolver.verify(f)).isFalse());
    assertThat(DidResolver.json(r, net.config.chainId()))
        .startsWith("{\"didDocument\":{\"@context\"")
        .contains("\"didResolutionMetadata\":{\"contentType\":\"application/did+ld+json\"}")
        .contains("\"versionId\":\"1\"")
        .contains("\"fugueInclusionProof\":\"");

    DidResolver.Resolution missing =
        DidResolver.resolve(
            net.beacon.worldState(), root, DidId.derive(net.address(OTHER), 5).toString());
    assertThat(missing.error()).isEqualTo("notFound");
    assertThat(DidResolver.verify(missing)).as("proof of absence").isTrue();
    assertThat(DidResolver.json(missing, 1)).contains("\"error\":\"notFound\"");
    DidResolver.Resolution invalid =
        DidResolver.resolve(net.beacon.worldState(), root, "did:example:123");
    assertThat(invalid.error()).isEqualTo("invalidDid");
    assertThat(DidResolver.json(invalid, 1)).contains("\"error\":\"invalidDid\"");
  }
}
