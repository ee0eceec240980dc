package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiConfig;
import io.fugue.api.server.ApiServer;
import io.fugue.api.support.TestNode;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.StateProof;
import io.fugue.datasharing.identity.DidId;
import io.fugue.datasharing.identity.DidRecord;
import io.fugue.datasharing.identity.DidResolver;
import io.fugue.datasharing.identity.DidState;
import io.fugue.datasharing.identity.DidTx;
import io.fugue.datasharing.identity.Service;
import io.fugue.datasharing.identity.VerificationMethod;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/identity/dids/{did}} on a real server over real beacon and shard chains: a DID
 * created, updated and deactivated by signed transactions resolves at each step, with an inclusion
 * proof that checks against the returned state root; bad and unknown DIDs get their errors.
 */
@ExtendWith(VertxExtension.class)
class IdentityApiIT {
  private final LedgerFixture f = new LedgerFixture();

  private Bytes compressedKey(int account) {
    Bytes xy = f.key(account).publicKey().toBytes();
    byte prefix = (byte) ((xy.get(63) & 1) == 1 ? 0x03 : 0x02);
    return Bytes.concat(Bytes.of(prefix), xy.slice(0, 32));
  }

  private long nonce(int account) {
    return f.beacon.headState().account(f.key(account).address().toBytes()).nonce();
  }

  private void commit(int account, DidTx body) {
    f.commit(
        body.unsigned(f.beacon.config().chainId(), nonce(account), Uint256.of(1_000))
            .sign(f.key(account)));
  }

  private static JsonObject json(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject();
  }

  /** The returned record and proof bind to the returned root. */
  private void assertProved(String did, JsonObject meta) {
    DidId id = DidId.parse(did);
    Hash32 root = Hash32.fromHex(meta.getString("fugueStateRoot"));
    StateProof proof = StateProof.decode(Bytes.fromHex(meta.getString("fugueInclusionProof")));
    Optional<DidRecord> record = DidState.did(f.beacon.headState(), id);
    assertThat(
            DidResolver.verify(
                new DidResolver.Resolution(did, root, record, Optional.of(proof), null)))
        .isTrue();
    assertThat(root).isEqualTo(f.beacon.head().stateRoot());
  }

  @Test
  void resolvesCreatedUpdatedAndDeactivatedDidsWithProofs(Vertx vertx) {
    var ports =
        NodePorts.create(
            f.chains,
            f.services,
            f.reads,
            f.layout.governance(),
            Set.of(),
            () -> 0,
            java.util.Optional.empty());
    ApiServer server =
        new ApiServer(ApiConfig.builder().host("127.0.0.1").port(0).build(), ports, f.clock);
    TestNode.await(vertx.deployVerticle(server));
    WebClient client =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));

    long n = nonce(3);
    commit(
        3,
        new DidTx.Create(
            List.of(new VerificationMethod("key-1", compressedKey(3))),
            List.of(new Service("hub", "LinkedDomains", "https://alice.example/"))));
    String did = DidId.derive(f.key(3).address(), n).toString();

    HttpResponse<Buffer> r = TestNode.await(client.get("/v1/identity/dids/" + did).send());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject body = json(r);
    assertThat(body.getJsonObject("didDocument").getString("id")).isEqualTo(did);
    assertThat(body.getJsonObject("didDocument").encode())
        .contains(did + "#key-1")
        .contains(compressedKey(3).toHex())
        .contains("https://alice.example/");
    JsonObject meta = body.getJsonObject("didDocumentMetadata");
    assertThat(meta.getString("versionId")).isEqualTo("1");
    assertThat(meta.getBoolean("deactivated")).isFalse();
    assertThat(body.getJsonObject("didResolutionMetadata").getString("contentType"))
        .isEqualTo("application/did+ld+json");
    assertProved(did, meta);

    commit(
        3,
        new DidTx.Update(
            DidId.parse(did),
            f.key(3).address(),
            List.of(new VerificationMethod("key-2", compressedKey(3))),
            List.of()));
    body = json(TestNode.await(client.get("/v1/identity/dids/" + did).send()));
    assertThat(body.getJsonObject("didDocumentMetadata").getString("versionId")).isEqualTo("2");
    assertThat(body.getJsonObject("didDocument").encode())
        .contains("#key-2")
        .doesNotContain("#key-1");
    assertProved(did, body.getJsonObject("didDocumentMetadata"));

    commit(3, new DidTx.Deactivate(DidId.parse(did)));
    body = json(TestNode.await(client.get("/v1/identity/dids/" + did).send()));
    assertThat(body.getJsonObject("didDocumentMetadata").getBoolean("deactivated")).isTrue();
    assertThat(body.getJsonObject("didDocument").containsKey("verificationMethod")).isFalse();

    // Unknown: 404 with the resolution result naming notFound.
    String unknown = DidId.derive(f.key(5).address(), 77).toString();
    HttpResponse<Buffer> missing =
        TestNode.await(client.get("/v1/identity/dids/" + unknown).send());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).getJsonObject("didResolutionMetadata").getString("error"))
        .isEqualTo("notFound");
    assertThat(json(missing).getValue("didDocument")).isNull();

    // Malformed: a 400 problem titled invalidDid with the reason, counted in /metrics.
    HttpResponse<Buffer> bad = TestNode.await(client.get("/v1/identity/dids/did:web:x").send());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.getHeader("Content-Type")).startsWith("application/problem+json");
    assertThat(json(bad).getString("title")).isEqualTo("invalidDid");
    assertThat(json(bad).getString("detail")).isNotBlank();
    String metrics = TestNode.await(client.get("/metrics").send()).bodyAsString();
    assertThat(metrics.lines())
        .anyMatch(l -> l.contains("identity/dids") && l.contains("status=\"400\""));
  }
}
