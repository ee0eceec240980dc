package io.fugue.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiConfig;
import io.fugue.api.model.Role;
import io.fugue.api.support.TestKeys;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AuthenticationIT {
  private TestNode node;
  private final TestKeys.Account alice = TestKeys.newAccount();

  @BeforeEach
  void start(Vertx vertx) {
    node =
        new TestNode(
            vertx,
            ApiConfig.builder()
                .tokenTtl(Duration.ofMinutes(15))
                .challengeTtl(Duration.ofMinutes(2)));
  }

  private JsonObject challenge(TestKeys.Account who) {
    HttpResponse<Buffer> r =
        node.post(
            "/v1/auth/challenge", null, new JsonObject().put("address", who.address().toHex()));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> token(
      TestKeys.Account who, JsonObject challenge, TestKeys.Account signer) {
    return node.post(
        "/v1/auth/token",
        null,
        new JsonObject()
            .put("address", who.address().toHex())
            .put("challenge", challenge.getString("challenge"))
            .put("signature", signer.sign(challenge.getString("message").getBytes()).toHex()));
  }

  private static void assertProblem(HttpResponse<Buffer> r, int status) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
  }

  @Test
  void shouldIssueATokenForASignedChallengeAndAcceptItOnAProtectedEndpoint() {
    node.backends.grant(alice.address(), Role.HOLDER);
    JsonObject c = challenge(alice);
    assertThat(c.getString("message"))
        .contains(alice.address().toHex())
        .contains(c.getString("challenge"));
    HttpResponse<Buffer> t = token(alice, c, alice);
    assertThat(t.statusCode()).as(t.bodyAsString()).isEqualTo(201);
    assertThat(t.bodyAsJsonObject().getJsonArray("roles")).containsExactly("holder");
    assertThat(t.bodyAsJsonObject().getString("tokenType")).isEqualTo("Bearer");

    HttpResponse<Buffer> vault =
        node.get("/v1/vault/openings", t.bodyAsJsonObject().getString("token"));
    assertThat(vault.statusCode()).as(vault.bodyAsString()).isEqualTo(200);
    assertThat(vault.bodyAsJsonObject().getJsonArray("openings")).isEmpty();
  }

  @Test
  void shouldRefuseAReplayedChallenge() {
    JsonObject c = challenge(alice);
    assertThat(token(alice, c, alice).statusCode()).isEqualTo(201);
    assertProblem(token(alice, c, alice), 401);
  }

  @Test
  void shouldRefuseABadSignatureAndBurnTheChallenge() {
    TestKeys.Account mallory = TestKeys.newAccount();
    JsonObject c = challenge(alice);
    assertProblem(token(alice, c, mallory), 401);
    // the challenge is consumed by the failed attempt, so even the right signature fails now
    assertProblem(token(alice, c, alice), 401);
  }

  @Test
  void shouldRejectAMalformedSignatureAsABadRequest() {
    JsonObject c = challenge(alice);
    assertProblem(
        node.post(
            "/v1/auth/token",
            null,
            new JsonObject()
                .put("address", alice.address().toHex())
                .put("challenge", c.getString("challenge"))
                .put("signature", "0x1234")),
        400);
    // validation failed before the login, so the challenge is still usable
    assertThat(token(alice, c, alice).statusCode()).isEqualTo(201);
  }

  @Test
  void shouldRefuseAChallengeIssuedToAnotherAddress() {
    TestKeys.Account bob = TestKeys.newAccount();
    JsonObject c = challenge(alice);
    assertProblem(token(bob, c, bob), 401);
  }

  @Test
  void shouldRefuseAnExpiredChallenge() {
    JsonObject c = challenge(alice);
    node.clock.advance(Duration.ofMinutes(3));
    assertProblem(token(alice, c, alice), 401);
  }

  @Test
  void shouldRefuseMissingUnknownAndExpiredTokensWith401() {
    node.backends.grant(alice.address(), Role.HOLDER);
    HttpResponse<Buffer> none = node.get("/v1/vault/openings", null);
    assertProblem(none, 401);
    assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(node.get("/v1/vault/openings", "not-a-token"), 401);

    String token = node.login(alice);
    assertThat(node.get("/v1/vault/openings", token).statusCode()).isEqualTo(200);
    node.clock.advance(Duration.ofMinutes(16));
    assertProblem(node.get("/v1/vault/openings", token), 401);
  }

  @Test
  void shouldRefuseAWrongRoleWith403AndNotCallTheBackend() {
    node.backends.grant(alice.address(), Role.CLIENT);
    String token = node.login(alice);
    int before = node.backends.calls.get();
    assertProblem(node.get("/v1/vault/openings", token), 403);
    assertProblem(node.get("/v1/node", token), 403);
    // only the role look-ups reached a backend port
    assertThat(node.backends.calls.get() - before).isEqualTo(2);
  }

  @Test
  void shouldApplyARoleRevocationBeforeTheTokenExpires() {
    node.backends.grant(alice.address(), Role.OPERATOR);
    String token = node.login(alice);
    assertThat(node.get("/v1/node", token).statusCode()).isEqualTo(200);
    node.backends.roles.get(alice.address()).remove(Role.OPERATOR);
    assertProblem(node.get("/v1/node", token), 403);
  }

  @Test
  void shouldCheckTheTokenBeforeValidatingTheBody() {
    assertProblem(node.post("/v1/attestations", null, "{not json"), 401);
  }
}
