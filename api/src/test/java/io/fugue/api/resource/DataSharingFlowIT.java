package io.fugue.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.Role;
import io.fugue.api.support.InMemoryBackends;
import io.fugue.api.support.TestKeys;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data-sharing endpoints end to end over the in-memory ports: this checks the API's routing,
 * roles, bodies and outcome mapping, not the ledger rules (those belong to datasharing).
 */
@ExtendWith(VertxExtension.class)
class DataSharingFlowIT {
  private static final String SUBJECT = "did:fugue:alice";
  private TestNode node;
  private final TestKeys.Account governance = TestKeys.newAccount();
  private final TestKeys.Account bank = TestKeys.newAccount();
  private final TestKeys.Account holder = TestKeys.newAccount();
  private final TestKeys.Account client = TestKeys.newAccount();

  @BeforeEach
  void start(Vertx vertx) {
    node = new TestNode(vertx);
    node.backends.grant(governance.address(), Role.GOVERNANCE);
    node.backends.grant(holder.address(), Role.HOLDER);
    node.backends.grant(client.address(), Role.CLIENT);
    node.backends.subjectHolders.put(SUBJECT, holder.address());
  }

  private static JsonObject ok(HttpResponse<Buffer> r, int status) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    return status == 204 ? null : r.bodyAsJsonObject();
  }

  private String publishAttestation() {
    String gov = node.login(governance);
    String bankToken = node.login(bank);
    ok(
        node.post(
            "/v1/issuers",
            bankToken,
            new JsonObject().put("name", "First Bank").put("contact", "kyc@bank.example")),
        201);
    // not yet approved: the issuer role is missing
    assertThat(node.post("/v1/attestations", bankToken, attestationBody()).statusCode())
        .isEqualTo(403);
    JsonObject approved =
        ok(
            node.post(
                "/v1/issuers/" + bank.address() + "/status",
                gov,
                new JsonObject().put("status", "approved")),
            200);
    assertThat(approved.getString("status")).isEqualTo("approved");
    ok(
        node.post(
            "/v1/schemas",
            gov,
            new JsonObject()
                .put("id", "net-worth")
                .put("attribute", "net worth")
                .put("unit", "USD")
                .put("scale", 0)
                .put("bits", 64)
                .put("allowedIssuers", new JsonArray().add(bank.address().toHex()))),
        201);
    JsonObject att = ok(node.post("/v1/attestations", bankToken, attestationBody()), 201);
    assertThat(att.getString("status")).isEqualTo("active");
    return att.getString("id");
  }

  private static JsonObject attestationBody() {
    return new JsonObject()
        .put("subject", SUBJECT)
        .put("schema", "net-worth")
        .put("commitment", "0x" + "11".repeat(32))
        .put("validFrom", 1_700_000_000L)
        .put("validUntil", 1_900_000_000L);
  }

  private JsonObject query(String token, String attestationId, String nonceByte) {
    return ok(
        node.post(
            "/v1/queries",
            token,
            new JsonObject()
                .put("attestations", new JsonArray().add(attestationId))
                .put("predicate", "gte")
                .put("threshold", 1_000_000)
                .put("purpose", "loan")
                .put("nonce", "0x" + nonceByte.repeat(32))),
        201);
  }

  @Test
  void shouldRegisterPublishQueryAndAnswer() {
    String attestation = publishAttestation();
    String issuerList = node.get("/v1/issuers", null).bodyAsString();
    assertThat(issuerList).contains("First Bank");
    assertThat(ok(node.get("/v1/schemas/net-worth", null), 200).getInteger("bits")).isEqualTo(64);

    String clientToken = node.login(client);
    String holderToken = node.login(holder);
    JsonObject q = query(clientToken, attestation, "01");
    String id = q.getString("id");
    assertThat(q.getString("status")).isEqualTo("open");
    assertThat(q.containsKey("upper")).isFalse();
    assertThat(ok(node.get("/v1/queries/" + id + "/result", clientToken), 200).getString("status"))
        .isEqualTo("open");

    JsonObject answered =
        ok(
            node.post(
                "/v1/queries/" + id + "/answer",
                holderToken,
                new JsonObject().put("proof", InMemoryBackends.VALID_PROOF.toHex())),
            200);
    assertThat(answered.getBoolean("outcome")).isTrue();
    JsonObject result = ok(node.get("/v1/queries/" + id + "/result", clientToken), 200);
    assertThat(result.getString("status")).isEqualTo("verified");
    // a second answer is a conflict
    assertThat(
            node.post(
                    "/v1/queries/" + id + "/answer",
                    holderToken,
                    new JsonObject().put("proof", "0x600d"))
                .statusCode())
        .isEqualTo(409);
    // only the client may read the result
    assertThat(node.get("/v1/queries/" + id + "/result", holderToken).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldRecordAFailedProofAsARefusedQuery() {
    String attestation = publishAttestation();
    String clientToken = node.login(client);
    String id = query(clientToken, attestation, "02").getString("id");
    JsonObject refused =
        ok(
            node.post(
                "/v1/queries/" + id + "/answer",
                node.login(holder),
                new JsonObject().put("proof", "0xbad0")),
            200);
    assertThat(refused.getString("status")).isEqualTo("refused");
    assertThat(refused.getBoolean("outcome")).isFalse();
  }

  @Test
  void shouldRejectAnAnswerWithoutExactlyOneOfProofConsentAndDecline() {
    String attestation = publishAttestation();
    String id = query(node.login(client), attestation, "03").getString("id");
    String holderToken = node.login(holder);
    assertThat(
            node.post("/v1/queries/" + id + "/answer", holderToken, new JsonObject()).statusCode())
        .isEqualTo(400);
    assertThat(
            node.post(
                    "/v1/queries/" + id + "/answer",
                    holderToken,
                    new JsonObject()
                        .put("proof", "0x600d")
                        .put("vaultConsent", "0x" + "22".repeat(64)))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            node.post(
                    "/v1/queries/" + id + "/answer",
                    holderToken,
                    new JsonObject().put("proof", "0x600d").put("decline", "0x" + "22".repeat(65)))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            node.post(
                    "/v1/queries/" + id + "/answer",
                    holderToken,
                    new JsonObject()
                        .put("proof", "0x600d")
                        .put("reason", "a reason goes with a decline only"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            node.post(
                    "/v1/queries/" + id + "/answer",
                    holderToken,
                    new JsonObject()
                        .put("decline", "0x" + "22".repeat(65))
                        .put("reason", "\u00e9".repeat(257)))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void shouldPassTheHoldersDeclineAndReasonToTheBackend() {
    String attestation = publishAttestation();
    String id = query(node.login(client), attestation, "05").getString("id");
    JsonObject declined =
        ok(
            node.post(
                "/v1/queries/" + id + "/answer",
                node.login(holder),
                new JsonObject()
                    .put("decline", "0x" + "22".repeat(65))
                    .put("reason", "cannot prove it")),
            200);
    assertThat(declined.getString("status")).isEqualTo("refused");
    assertThat(declined.getBoolean("outcome")).isFalse();
    assertThat(declined.getString("reason")).isEqualTo("cannot prove it");
  }

  @Test
  void shouldRejectBetweenWithoutUpperAsBadRequest() {
    String attestation = publishAttestation();
    HttpResponse<Buffer> r =
        node.post(
            "/v1/queries",
            node.login(client),
            new JsonObject()
                .put("attestations", new JsonArray().add(attestation))
                .put("predicate", "between")
                .put("threshold", 5)
                .put("purpose", "loan")
                .put("nonce", "0x" + "04".repeat(32)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("detail")).contains("upper");
  }

  @Test
  void shouldListAttestationsOnlyForTheirHolderAndIssuer() {
    String attestation = publishAttestation();
    String holderToken = node.login(holder);
    JsonObject mine = ok(node.get("/v1/attestations/by-subject/" + SUBJECT, holderToken), 200);
    assertThat(mine.getJsonArray("attestations")).hasSize(1);
    assertThat(node.get("/v1/attestations/by-subject/did:fugue:bob", holderToken).statusCode())
        .isEqualTo(403);
    String bankToken = node.login(bank);
    assertThat(
            ok(node.get("/v1/attestations/by-issuer/" + bank.address(), bankToken), 200)
                .getJsonArray("attestations"))
        .hasSize(1);
    node.backends.grant(holder.address(), Role.ISSUER);
    assertThat(
            node.get("/v1/attestations/by-issuer/" + bank.address(), node.login(holder))
                .statusCode())
        .isEqualTo(403);

    JsonObject revoked =
        ok(
            node.post(
                "/v1/attestations/" + attestation + "/revocation",
                bankToken,
                new JsonObject().put("reason", "error in value")),
            200);
    assertThat(revoked.getString("status")).isEqualTo("revoked");
    assertThat(
            ok(node.get("/v1/attestations/" + attestation, holderToken), 200).getString("status"))
        .isEqualTo("revoked");
  }

  @Test
  void shouldStoreListAndEraseVaultOpenings() {
    String token = node.login(holder);
    String id = "0x" + "33".repeat(32);
    ok(
        node.send(
            "PUT",
            "/v1/vault/openings/" + id,
            token,
            new JsonObject().put("ciphertext", "0x" + "44".repeat(102))),
        201);
    assertThat(
            ok(node.get("/v1/vault/openings", token), 200)
                .getJsonArray("openings")
                .getJsonObject(0)
                .getString("attestationId"))
        .isEqualTo(id);
    assertThat(node.send("DELETE", "/v1/vault/openings/" + id, token, null).statusCode())
        .isEqualTo(204);
    assertThat(node.send("DELETE", "/v1/vault/openings/" + id, token, null).statusCode())
        .isEqualTo(404);
    assertThat(node.backends.eventLoopCalls).hasValue(0);
  }
}
