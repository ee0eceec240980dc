package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.cli.FugueCli;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.state.StateKeys;
import io.fugue.chain.state.StateProof;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.AttestationState;
import io.fugue.datasharing.holder.OpeningSealer;
import io.fugue.datasharing.holder.SealedOpening;
import io.fugue.datasharing.query.Consent;
import io.fugue.datasharing.query.QueryRequest;
import io.fugue.zk.Opening;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario against a real devnet started in this JVM (12 FBFT validators over libp2p on
 * 127.0.0.1, RocksDB in a temporary directory), driven through the HTTP API only: the test plays
 * issuer, governance, holder and client with their own keys, builds and signs their transactions
 * and proofs client-side, and sees everything else through the API. The last steps run the holder's
 * flow with the {@code fugue} CLI itself (key files, the chain-backed writer): the issuer seals the
 * opening to the holder's key, the holder re-seals it for the vault or proves queries herself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevnetScenarioIT {
  private static final int SHARD = 1;
  private static final String SCHEMA = "net-worth";
  private static final String SUBJECT = "did:fugue:alice";

  @TempDir static Path dataDir;
  private Devnet devnet;
  private DevnetClient http;
  private DevnetCli cli;
  private final ClientFlows flows = new ClientFlows(Main.CHAIN_ID);
  private Secp256k1PrivateKey governor;
  private Secp256k1PrivateKey issuer;
  private Secp256k1PrivateKey holder;
  private Secp256k1PrivateKey client;
  private Secp256k1PrivateKey stranger;
  private String issuerToken;
  private String holderToken;
  private String clientToken;
  private final Opening worth = Opening.random(1_500_000);
  private String attestation;
  private long issuerShardNonce;
  private String cliAttestation;
  private String cliSealed;

  @BeforeAll
  void startDevnet() throws Exception {
    devnet =
        Devnet.start(
            new Devnet.Options(dataDir, 0, 500),
            new P2pNetworks("fugue-devnet", dataDir, Duration.ofMillis(100)),
            Clock.systemUTC());
    devnet.awaitFirstBlocks(DevnetClient.WAIT);
    http = new DevnetClient(devnet.apiPort());
    cli = new DevnetCli(dataDir.resolve("cli-keys"), devnet.apiPort(), devnet.layout().accounts());
    List<Secp256k1PrivateKey> keys = devnet.layout().accounts();
    governor = keys.get(0);
    issuer = keys.get(2);
    holder = keys.get(3);
    client = keys.get(4);
    stranger = keys.get(5);
    DevnetClient.await(
        "the node ready", () -> http.get("/health", null).bodyAsJsonObject().getBoolean("ready"));
  }

  @AfterAll
  void stop() {
    if (http != null) {
      http.close();
    }
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  @Order(1)
  void shouldRegisterApproveAnIssuerAndCreateASchemaBySignedTransactions() {
    assertThat(
            http.awaitIncluded(
                http.submit(flows.registerIssuer(issuer, 0, "First Bank", "kyc@bank.example"))))
        .isEqualTo("included");
    assertThat(http.awaitIncluded(http.submit(flows.approveIssuer(governor, 0, issuer.address()))))
        .isEqualTo("included");
    assertThat(
            http.awaitIncluded(
                http.submit(
                    flows.createSchema(
                        issuer, 1, SCHEMA, "net worth", "EUR", 0, 32, List.of(issuer.address())))))
        .isEqualTo("included");

    JsonObject registered =
        http.get("/v1/issuers/" + hex(issuer.address()), null).bodyAsJsonObject();
    assertThat(registered.getString("status")).isEqualTo("approved");
    assertThat(http.get("/v1/schemas/" + SCHEMA, null).bodyAsJsonObject().getInteger("bits"))
        .isEqualTo(32);
    issuerToken = http.login(issuer);
    holderToken = http.login(holder);
    clientToken = http.login(client);
  }

  @Test
  @Order(2)
  void shouldPublishAnAttestationOnTheSubjectsShard() {
    attestation = publish(worth, Duration.ofDays(1));
    JsonObject a = http.get("/v1/attestations/" + attestation, clientToken).bodyAsJsonObject();
    assertThat(a.getString("status")).isEqualTo("active");
    assertThat(a.getString("issuer")).isEqualTo(hex(issuer.address()));
    assertThat(a.getString("commitment"))
        .isEqualTo("0x" + HexFormat.of().formatHex(worth.commitment().toBytes()));
    JsonArray mine =
        http.get("/v1/attestations/by-subject/" + SUBJECT, holderToken)
            .bodyAsJsonObject()
            .getJsonArray("attestations");
    assertThat(mine.size()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void shouldProveThePublishedRecordAgainstTheShardsStateRoot() {
    JsonObject p =
        http.get("/v1/attestations/" + attestation + "/proof", clientToken).bodyAsJsonObject();
    assertThat(p.getInteger("shard")).isEqualTo(SHARD);
    Hash32 root = Hash32.of(bytes(p.getString("stateRoot")));
    JsonObject block =
        http.get("/v1/chain/shards/" + SHARD + "/blocks/" + p.getLong("blockNumber"), null)
            .bodyAsJsonObject();
    assertThat(block.getString("stateRoot")).isEqualTo(p.getString("stateRoot"));
    assertThat(block.getString("hash")).isEqualTo(p.getString("blockHash"));
    Bytes key =
        StateKeys.module(AttestationState.MODULE_ID, AttestationState.recordKey(id(attestation)));
    StateProof proof = StateProof.decode(bytes(p.getString("proof")));
    assertThat(proof.verify(root, key, Optional.of(bytes(p.getString("record"))))).isTrue();
    assertThat(
            http.get("/v1/attestations/0x" + "ab".repeat(32) + "/proof", clientToken).statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(3)
  void shouldServeTheVaultKeyWithoutAToken() {
    JsonObject k = http.get("/v1/vault/key", null).bodyAsJsonObject();
    assertThat(k.getString("depositKey"))
        .isEqualTo(devnet.layout().vaultKey().publicKey().toBytes().toPrefixedHex());
  }

  @Test
  @Order(3)
  void shouldReadAnAccountPerShard() {
    String path = "/v1/chain/accounts/" + hex(issuer.address());
    JsonObject onShard = http.get(path + "?shard=" + SHARD, null).bodyAsJsonObject();
    assertThat(onShard.getInteger("shard")).isEqualTo(SHARD);
    assertThat(onShard.getLong("nonce")).as("the publication used a shard nonce").isPositive();
    assertThat(http.get(path + "?shard=0", null).bodyAsJsonObject().getInteger("shard")).isZero();
    assertThat(http.get(path + "?shard=999", null).statusCode()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void shouldAnswerTrueWhenTheValueMeetsTheThreshold() {
    String q = createQuery(attestation, 1_000_000);
    JsonObject answered = answerWithProof(q, prove(q, attestation, worth));
    assertThat(answered.getString("status")).isEqualTo("verified");
    assertThat(answered.getBoolean("outcome")).isTrue();
    JsonObject result = http.get("/v1/queries/" + q + "/result", clientToken).bodyAsJsonObject();
    assertThat(result.getString("status")).isEqualTo("verified");
    assertThat(result.getBoolean("outcome")).isTrue();
    assertThat(result.getString("proofHash")).startsWith("0x");
  }

  @Test
  @Order(4)
  void shouldEndRefusedWhenTheHolderCannotProveAFalsePredicate() {
    String q = createQuery(attestation, 2_000_000);
    assertThat(flows.prove(queryView(q), attestationView(attestation), holder.address(), worth, 32))
        .isEmpty();
    var fromIssuer =
        flows.sealToHolder(worth, holder.address(), holder.publicKey(), id(attestation));
    var sealed =
        flows.resealForVault(
            fromIssuer,
            holder,
            attestationView(attestation),
            devnet.layout().vaultKey().publicKey());
    var stored =
        http.send(
            "PUT",
            "/v1/vault/openings/" + attestation,
            holderToken,
            new JsonObject().put("ciphertext", sealed.encode().toPrefixedHex()));
    assertThat(stored.statusCode()).as(stored.bodyAsString()).isIn(200, 201);
    var consent = flows.consent(queryView(q), holder, System.currentTimeMillis() + 60_000);
    var r =
        http.post(
            "/v1/queries/" + q + "/answer",
            holderToken,
            new JsonObject().put("vaultConsent", consent.encode().toPrefixedHex()));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("refused");
    assertThat(
            http.get("/v1/queries/" + q + "/result", clientToken)
                .bodyAsJsonObject()
                .getBoolean("outcome"))
        .isFalse();
  }

  @Test
  @Order(4)
  void shouldAnswerAConsentOnlyUnderItsOwnQueryAndOnlyForTheHolder() {
    String mine = createQuery(attestation, 1_000_000);
    String other = createQuery(attestation, 1_000_000);
    var consentForOther =
        flows.consent(queryView(other), holder, System.currentTimeMillis() + 60_000);
    var misplaced =
        http.post(
            "/v1/queries/" + mine + "/answer",
            holderToken,
            new JsonObject().put("vaultConsent", consentForOther.encode().toPrefixedHex()));
    assertThat(misplaced.statusCode()).as(misplaced.bodyAsString()).isEqualTo(409);
    assertThat(misplaced.getHeader("Content-Type")).startsWith("application/problem+json");
    for (String q : List.of(mine, other)) {
      assertThat(http.get("/v1/queries/" + q, clientToken).bodyAsJsonObject().getString("status"))
          .as("neither query is answered")
          .isEqualTo("open");
    }
    var notHolder =
        http.post(
            "/v1/queries/" + other + "/answer",
            clientToken,
            new JsonObject().put("vaultConsent", consentForOther.encode().toPrefixedHex()));
    assertThat(notHolder.statusCode()).as(notHolder.bodyAsString()).isEqualTo(403);
    assertThat(http.get("/v1/queries/" + other, clientToken).bodyAsJsonObject().getString("status"))
        .isEqualTo("open");
  }

  /**
   * The largest aggregate a query may name ({@link QueryRequest#MAX_ATTESTATIONS}) answered through
   * the vault: every limit on the way (query body, consent body, vault, proof) admits it.
   */
  @Test
  @Order(4)
  void shouldAnswerTheLargestAggregateThroughTheVault() {
    int k = QueryRequest.MAX_ATTESTATIONS;
    long now = System.currentTimeMillis();
    List<String> ids = new ArrayList<>();
    List<Opening> openings = new ArrayList<>();
    String lastHash = null;
    for (int i = 0; i < k; i++) {
      Opening value = Opening.random(1_000 + i);
      long nonce = issuerShardNonce++;
      lastHash =
          http.submit(
              flows.publish(
                  issuer,
                  nonce,
                  SHARD,
                  SUBJECT,
                  holder.address(),
                  SCHEMA,
                  value,
                  now - 60_000,
                  now + Duration.ofDays(1).toMillis()));
      ids.add(
          ClientFlows.attestationId(SHARD, issuer.address(), nonce, SUBJECT, SCHEMA)
              .value()
              .toBytes()
              .toPrefixedHex());
      openings.add(value);
    }
    assertThat(http.awaitIncluded(lastHash)).isEqualTo("included");
    long sum = 0;
    for (int i = 0; i < k; i++) {
      sum += 1_000 + i;
      var sealed =
          flows.resealForVault(
              flows.sealToHolder(
                  openings.get(i), holder.address(), holder.publicKey(), id(ids.get(i))),
              holder,
              attestationView(ids.get(i)),
              devnet.layout().vaultKey().publicKey());
      JsonObject deposit = new JsonObject().put("ciphertext", sealed.encode().toPrefixedHex());
      var stored = http.send("PUT", "/v1/vault/openings/" + ids.get(i), holderToken, deposit);
      for (int tries = 0; stored.statusCode() == 429 && tries < 20; tries++) {
        DevnetClient.pause(stored.getHeader("Retry-After"));
        stored = http.send("PUT", "/v1/vault/openings/" + ids.get(i), holderToken, deposit);
      }
      assertThat(stored.statusCode()).as(stored.bodyAsString()).isIn(200, 201);
    }
    JsonArray named = new JsonArray();
    ids.forEach(named::add);
    var created =
        http.post(
            "/v1/queries",
            clientToken,
            new JsonObject()
                .put("attestations", named)
                .put("predicate", "gte")
                .put("threshold", sum)
                .put("purpose", "total across " + k + " accounts")
                .put("nonce", nonce()));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String q = created.bodyAsJsonObject().getString("id");
    var consent = flows.consent(queryView(q), holder, System.currentTimeMillis() + 60_000);
    assertThat(consent.encode().size()).isGreaterThan(Consent.MAX_ENCODED_BYTES - 10);
    var answered =
        http.post(
            "/v1/queries/" + q + "/answer",
            holderToken,
            new JsonObject().put("vaultConsent", consent.encode().toPrefixedHex()));
    assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
    assertThat(answered.bodyAsJsonObject().getString("status")).isEqualTo("verified");
    assertThat(answered.bodyAsJsonObject().getBoolean("outcome")).isTrue();

    String again = createQuery(ids.get(0), 1);
    var forbidden =
        http.post(
            "/v1/queries/" + again + "/answer",
            holderToken,
            new JsonObject()
                .put(
                    "vaultConsent",
                    flows
                        .consent(queryView(again), stranger, System.currentTimeMillis() + 60_000)
                        .encode()
                        .toPrefixedHex()));
    assertThat(forbidden.statusCode()).as("a consent by another key").isEqualTo(403);
    // 64 deposits spent most of the holder's per-account burst (100, 50/s): let it refill so
    // the tests after this one are not paced by it.
    DevnetClient.pause("3");
  }

  @Test
  @Order(5)
  void shouldFailAProofReplayedForAnotherQuery() {
    String first = createQuery(attestation, 1_000_000);
    byte[] proof = prove(first, attestation, worth);
    String second = createQuery(attestation, 1_000_000);
    JsonObject replayed = answerWithProof(second, proof);
    assertThat(replayed.getString("status")).isEqualTo("failed");
    assertThat(replayed.getBoolean("outcome")).isFalse();
  }

  @Test
  @Order(6)
  void shouldFailAProofForARevokedAttestation() {
    Opening value = Opening.random(1_500_000);
    String revoked = publish(value, Duration.ofDays(1));
    String q = createQuery(revoked, 1_000_000);
    byte[] proof = prove(q, revoked, value);
    assertThat(
            http.awaitIncluded(
                http.submit(flows.revoke(issuer, issuerShardNonce++, SHARD, id(revoked)))))
        .isEqualTo("included");
    assertThat(
            http.get("/v1/attestations/" + revoked, clientToken)
                .bodyAsJsonObject()
                .getString("status"))
        .isEqualTo("revoked");
    JsonObject answered = answerWithProof(q, proof);
    assertThat(answered.getString("status")).isEqualTo("failed");
    assertThat(answered.getString("reason")).containsIgnoringCase("revoked");
  }

  @Test
  @Order(7)
  void shouldFailAProofForAnExpiredAttestation() {
    Opening value = Opening.random(1_500_000);
    String expiring = publish(value, Duration.ofSeconds(12));
    String q = createQuery(expiring, 1_000_000);
    byte[] proof = prove(q, expiring, value);
    DevnetClient.await(
        "the attestation expired",
        () ->
            http.get("/v1/attestations/" + expiring, clientToken)
                .bodyAsJsonObject()
                .getString("status")
                .equals("expired"));
    JsonObject answered = answerWithProof(q, proof);
    assertThat(answered.getString("status")).isEqualTo("failed");
    assertThat(answered.getString("reason")).containsIgnoringCase("expire");
  }

  @Test
  @Order(8)
  void shouldRefuseCallersWithoutTheRole() {
    String q = createQuery(attestation, 1_000_000);
    assertThat(http.get("/v1/queries/" + q + "/result", null).statusCode()).isEqualTo(401);
    String strangerToken = http.login(stranger);
    assertProblem(http.get("/v1/queries/" + q + "/result", strangerToken), 403);
    assertProblem(
        http.post(
            "/v1/queries/" + q + "/answer", strangerToken, new JsonObject().put("proof", "0x00")),
        403);
    assertProblem(
        http.post(
            "/v1/issuers/" + hex(issuer.address()) + "/status",
            issuerToken,
            new JsonObject().put("status", "suspended").put("reason", "not governance")),
        403);
    assertProblem(http.get("/v1/attestations/by-subject/" + SUBJECT, strangerToken), 403);
  }

  @Test
  @Order(9)
  void shouldRejectBadInputWithAProblemAndApplyNothing() {
    String path = "/v1/chain/transactions";
    long nonceBefore = beaconNonce(stranger.address());
    int issuersBefore =
        http.get("/v1/issuers", null).bodyAsJsonObject().getJsonArray("issuers").size();
    assertProblem(http.post(path, null, "{\"rawTransaction\": "), 400);
    assertProblem(http.post(path, null, new JsonObject().put("rawTransaction", 42)), 400);
    assertProblem(http.post(path, null, new JsonObject().put("rawTransaction", "0xzz")), 400);
    assertProblem(
        http.post(path, null, new JsonObject().put("rawTransaction", "0x00").put("extra", 1)), 400);
    assertProblem(
        http.post(path, null, new JsonObject().put("rawTransaction", "0x" + "ab".repeat(300_000))),
        413);
    byte[] tampered =
        flows.registerIssuer(stranger, 0, "Mallory", "m@x.example").encode().toArray();
    tampered[tampered.length - 2] ^= 0x01;
    assertThat(
            http.post(
                    path,
                    null,
                    new JsonObject()
                        .put("rawTransaction", "0x" + HexFormat.of().formatHex(tampered)))
                .statusCode())
        .isBetween(400, 422);
    assertProblem(
        http.post(
            "/v1/auth/token",
            null,
            new JsonObject()
                .put("address", hex(stranger.address()))
                .put("challenge", "0x" + "00".repeat(32))
                .put("signature", "0x1234")),
        400);
    assertProblem(
        http.post(
            "/v1/queries",
            clientToken,
            new JsonObject()
                .put("attestations", new JsonArray().add(attestation))
                .put("predicate", "gte")
                .put("threshold", "lots")
                .put("purpose", "x")
                .put("nonce", nonce())),
        400);

    long height = beaconHeight();
    DevnetClient.await("two more beacon blocks", () -> beaconHeight() >= height + 2);
    assertThat(beaconNonce(stranger.address())).isEqualTo(nonceBefore);
    assertThat(http.get("/v1/issuers", null).bodyAsJsonObject().getJsonArray("issuers").size())
        .isEqualTo(issuersBefore);
  }

  @Test
  @Order(10)
  void shouldAttestWithTheCliSealedToTheHoldersKeyAndRefuseAnotherAccountsKey() {
    String holderKey = cli.run("keys", "show", "devnet-3").json().path("publicKey").asText();
    assertThat(holderKey).isEqualTo(holder.publicKey().toBytes().toPrefixedHex());
    String clientKey =
        cli.run("keys", "show", hex(client.address())).json().path("publicKey").asText();
    DevnetCli.Run wrong = cliAttest(clientKey);
    assertThat(wrong.exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(wrong.err()).contains("not of --holder");

    // The same nonce is still free: the refused command submitted nothing.
    JsonNode att = cliAttest(holderKey).json();
    assertThat(http.awaitIncluded(att.path("transaction").asText())).isEqualTo("included");
    issuerShardNonce++;
    cliAttestation = att.path("attestation").asText();
    cliSealed = att.path("sealedOpening").asText();
    SealedOpening sealed = SealedOpening.decode(bytes(cliSealed));
    try (Opening mine = new OpeningSealer().open(sealed, holder, id(cliAttestation))) {
      assertThat(mine.value()).isEqualTo(1_500_000);
    }
    assertThatThrownBy(
            () -> new OpeningSealer().open(sealed, devnet.layout().vaultKey(), id(cliAttestation)))
        .hasMessageContaining("does not decrypt");
  }

  @Test
  @Order(11)
  void shouldDepositWithTheCliOnlyAnOpeningThatMatchesTheChainAndLetTheVaultAnswer() {
    byte[] tampered = bytes(cliSealed).toArray();
    tampered[tampered.length - 1] ^= 0x01;
    DevnetCli.Run bad = cliStore("0x" + HexFormat.of().formatHex(tampered));
    assertThat(bad.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(bad.err()).contains("does not decrypt");
    try (Opening other = Opening.random(1_500_000)) {
      var otherSealed =
          flows.sealToHolder(other, holder.address(), holder.publicKey(), id(cliAttestation));
      DevnetCli.Run mismatch = cliStore(otherSealed.encode().toPrefixedHex());
      assertThat(mismatch.exit()).isEqualTo(FugueCli.EXIT_FAILED);
      assertThat(mismatch.err()).contains("does not open the on-chain commitment");
    }
    assertThat(vaultHolds(cliAttestation)).as("nothing deposited").isFalse();

    JsonNode stored = cliStore(cliSealed).json();
    assertThat(stored.path("attestationId").asText()).isEqualTo(cliAttestation);
    assertThat(vaultHolds(cliAttestation)).isTrue();
    String q = cliQuery(1_000_000);
    JsonNode answered =
        cli.run("query", "answer", q, "--vault", "--as", hex(holder.address())).json();
    assertThat(answered.path("status").asText()).isEqualTo("verified");
    assertThat(answered.path("outcome").asBoolean()).isTrue();
  }

  @Test
  @Order(12)
  void shouldAnswerDirectlyWithTheCliFromTheSealedOpening() {
    String q = cliQuery(1_000_000);
    JsonNode answered =
        cli.run("query", "answer", q, "--sealed", cliSealed, "--as", hex(holder.address())).json();
    assertThat(answered.path("status").asText()).isEqualTo("verified");
    JsonObject result = http.get("/v1/queries/" + q + "/result", clientToken).bodyAsJsonObject();
    assertThat(result.getBoolean("outcome")).isTrue();
    assertThat(result.getString("proofHash")).startsWith("0x");

    String tooHigh = cliQuery(2_000_000);
    DevnetCli.Run refused =
        cli.run("query", "answer", tooHigh, "--sealed", cliSealed, "--as", hex(holder.address()));
    assertThat(refused.json().path("status").asText()).isEqualTo("refused");
    assertThat(refused.err()).contains("no proof exists").doesNotContain("1500000");
    assertThat(
            http.get("/v1/queries/" + tooHigh + "/result", clientToken)
                .bodyAsJsonObject()
                .getBoolean("outcome"))
        .isFalse();

    String notYours = cliQuery(1_000_000);
    DevnetCli.Run stranger =
        cli.run("query", "answer", notYours, "--sealed", cliSealed, "--as", hex(client.address()));
    assertThat(stranger.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(stranger.err()).contains("does not decrypt");
    assertThat(
            http.get("/v1/queries/" + notYours, clientToken).bodyAsJsonObject().getString("status"))
        .isEqualTo("open");
  }

  // ------------------------------------------------------------------ helpers

  private DevnetCli.Run cliAttest(String holderKey) {
    return cli.run(
        "attest",
        "--as",
        hex(issuer.address()),
        "--nonce",
        Long.toString(issuerShardNonce),
        "--shard",
        Integer.toString(SHARD),
        "--subject",
        SUBJECT,
        "--holder",
        hex(holder.address()),
        "--holder-key",
        holderKey,
        "--schema",
        SCHEMA,
        "--value",
        "1500000",
        "--valid-from",
        Long.toString(Instant.now().getEpochSecond() - 60),
        "--valid-days",
        "1");
  }

  private DevnetCli.Run cliStore(String sealed) {
    return cli.run(
        "vault", "store", cliAttestation, "--sealed", sealed, "--as", hex(holder.address()));
  }

  private String cliQuery(long threshold) {
    return cli.run(
            "query",
            "create",
            "--as",
            hex(client.address()),
            "--attestation",
            cliAttestation,
            "--predicate",
            "gte",
            "--threshold",
            Long.toString(threshold),
            "--purpose",
            "loan check")
        .json()
        .path("id")
        .asText();
  }

  private boolean vaultHolds(String attestationId) {
    JsonArray held =
        http.get("/v1/vault/openings", holderToken).bodyAsJsonObject().getJsonArray("openings");
    return held.stream()
        .anyMatch(e -> ((JsonObject) e).getString("attestationId").equals(attestationId));
  }

  private String publish(Opening opening, Duration validity) {
    long now = System.currentTimeMillis();
    long nonce = issuerShardNonce++;
    var tx =
        flows.publish(
            issuer,
            nonce,
            SHARD,
            SUBJECT,
            holder.address(),
            SCHEMA,
            opening,
            now - 60_000,
            now + validity.toMillis());
    assertThat(http.awaitIncluded(http.submit(tx))).isEqualTo("included");
    return ClientFlows.attestationId(SHARD, issuer.address(), nonce, SUBJECT, SCHEMA)
        .value()
        .toBytes()
        .toPrefixedHex();
  }

  private String createQuery(String attestationId, long threshold) {
    var r =
        http.post(
            "/v1/queries",
            clientToken,
            new JsonObject()
                .put("attestations", new JsonArray().add(attestationId))
                .put("predicate", "gte")
                .put("threshold", threshold)
                .put("purpose", "loan check")
                .put("nonce", nonce()));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getString("id");
  }

  private byte[] prove(String queryId, String attestationId, Opening opening) {
    return flows
        .prove(queryView(queryId), attestationView(attestationId), holder.address(), opening, 32)
        .orElseThrow(() -> new AssertionError("the holder should be able to prove this"));
  }

  @Test
  @Order(13)
  void shouldServeTheValidatorsTheirDelegationsRewardsAndTheElectedCommittees() {
    JsonObject info = http.get("/v1/staking", null).bodyAsJsonObject();
    assertThat(info.getLong("epochBlocks")).isEqualTo(DevnetLayout.EPOCH_BLOCKS);
    assertThat(info.getValue("electedFromEpoch")).as("the genesis committees vote").isNull();
    assertThat(info.getInteger("slotsPerShard")).isEqualTo(DevnetLayout.VALIDATORS_PER_SHARD);
    JsonArray validators =
        http.get("/v1/staking/validators", null).bodyAsJsonObject().getJsonArray("validators");
    assertThat(validators).hasSize(DevnetLayout.SHARDS * DevnetLayout.VALIDATORS_PER_SHARD);
    String stake =
        DevnetGenesis.COIN.multiply(BigInteger.valueOf(DevnetGenesis.VALIDATOR_STAKE)).toString();
    for (int i = 0; i < validators.size(); i++) {
      JsonObject v = validators.getJsonObject(i);
      assertThat(v.getString("status")).isEqualTo("active");
      assertThat(v.getString("totalStake")).isEqualTo(stake);
      assertThat(v.getJsonArray("seats")).as("every key holds a seat").hasSize(1);
    }
    String operator = hex(devnet.layout().devnet().operators().get(0).get(0).address());
    JsonObject one = http.get("/v1/staking/validators/" + operator, null).bodyAsJsonObject();
    assertThat(one.getString("operator")).isEqualToIgnoringCase(operator);
    assertThat(one.getJsonArray("keys")).hasSize(1);
    JsonObject delegator = http.get("/v1/staking/delegations/" + operator, null).bodyAsJsonObject();
    assertThat(delegator.getJsonArray("delegations").getJsonObject(0).getString("amount"))
        .isEqualTo(stake);
    // The beacon's block rewards reach its signers' validators through the reward pool.
    DevnetClient.await(
        "a beacon validator's rewards",
        () -> {
          JsonArray all =
              http.get("/v1/staking/validators", null)
                  .bodyAsJsonObject()
                  .getJsonArray("validators");
          for (int i = 0; i < all.size(); i++) {
            if (new BigInteger(all.getJsonObject(i).getString("uncollectedRewards")).signum() > 0) {
              return true;
            }
          }
          return false;
        });
    JsonObject epoch0 = http.get("/v1/chain/epochs/0/committees", null).bodyAsJsonObject();
    assertThat(epoch0.getBoolean("voting")).isFalse();
    JsonArray shards = epoch0.getJsonArray("shards");
    assertThat(shards).hasSize(DevnetLayout.SHARDS);
    for (int s = 0; s < shards.size(); s++) {
      assertThat(shards.getJsonObject(s).getJsonArray("slots"))
          .hasSize(DevnetLayout.VALIDATORS_PER_SHARD);
    }
    assertThat(http.get("/v1/chain/epochs/99999/committees", null).statusCode()).isEqualTo(404);
    assertThat(http.get("/v1/staking/validators/0x1234", null).statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/staking/validators/" + hex(stranger.address()), null).statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(14)
  void shouldCreateAValidatorDelegateAndUndelegateWithTheCli() {
    Secp256k1PrivateKey operator = devnet.layout().accounts().get(7);
    Secp256k1PrivateKey delegator = devnet.layout().accounts().get(8);
    BlsSecretKey bls =
        BlsSecretKey.fromSeed(
            Hashing.keccak256(Bytes.of("cli-validator".getBytes(StandardCharsets.US_ASCII)))
                .toBytes()
                .toArray());
    String op = hex(operator.address());
    JsonNode created =
        cli.run(
                "staking",
                "create-validator",
                "--as",
                op,
                "--nonce",
                "0",
                "--bls-key",
                bls.publicKey().toBytes().toPrefixedHex(),
                "--pop",
                bls.proofOfPossession().toBytes().toPrefixedHex(),
                "--amount",
                "20000",
                "--min-self",
                "10000",
                "--max-total",
                "1000000",
                "--name",
                "cli-validator")
            .json();
    assertThat(created.toString()).contains("0x");
    BigInteger coin = DevnetGenesis.COIN;
    DevnetClient.await(
        "the new validator on chain",
        () -> http.get("/v1/staking/validators/" + op, null).statusCode() == 200);
    JsonObject v = http.get("/v1/staking/validators/" + op, null).bodyAsJsonObject();
    assertThat(v.getString("totalStake"))
        .isEqualTo(coin.multiply(BigInteger.valueOf(20_000)).toString());
    assertThat(v.getString("name")).isEqualTo("cli-validator");

    String from = hex(delegator.address());
    cli.run(
            "staking",
            "delegate",
            "--as",
            from,
            "--nonce",
            "0",
            "--validator",
            op,
            "--amount",
            "150.5")
        .json();
    String delegations = "/v1/staking/delegations/" + from;
    DevnetClient.await(
        "the delegation on chain",
        () ->
            !http.get(delegations, null).bodyAsJsonObject().getJsonArray("delegations").isEmpty());
    assertThat(
            http.get(delegations, null)
                .bodyAsJsonObject()
                .getJsonArray("delegations")
                .getJsonObject(0)
                .getString("amount"))
        .isEqualTo(
            new java.math.BigDecimal("150.5").movePointRight(18).toBigIntegerExact().toString());
    cli.run(
            "staking",
            "undelegate",
            "--as",
            from,
            "--nonce",
            "1",
            "--validator",
            op,
            "--amount",
            "100")
        .json();
    DevnetClient.await(
        "the undelegation locked",
        () ->
            !http.get(delegations, null)
                .bodyAsJsonObject()
                .getJsonArray("undelegations")
                .isEmpty());
    JsonObject locked =
        http.get(delegations, null)
            .bodyAsJsonObject()
            .getJsonArray("undelegations")
            .getJsonObject(0);
    assertThat(locked.getString("amount"))
        .isEqualTo(coin.multiply(BigInteger.valueOf(100)).toString());

    // Refused by the chain with its reason, nothing applied: below the minimum delegation.
    DevnetCli.Run small =
        cli.run(
            "staking",
            "delegate",
            "--as",
            from,
            "--nonce",
            "2",
            "--validator",
            op,
            "--amount",
            "1");
    assertThat(small.exit()).isNotZero();
    assertThat(small.err()).contains("below the minimum");
    // Refused by the CLI: finer than a base unit.
    DevnetCli.Run fine =
        cli.run(
            "staking",
            "delegate",
            "--as",
            from,
            "--nonce",
            "2",
            "--validator",
            op,
            "--amount",
            "0.0000000000000000001");
    assertThat(fine.exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(cli.run("staking", "validator", op).json().path("operator").asText())
        .isEqualToIgnoringCase(op);
  }

  private JsonObject answerWithProof(String queryId, byte[] proof) {
    var r =
        http.post(
            "/v1/queries/" + queryId + "/answer",
            holderToken,
            new JsonObject().put("proof", "0x" + HexFormat.of().formatHex(proof)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private QueryView queryView(String id) {
    JsonObject j = http.get("/v1/queries/" + id, holderToken).bodyAsJsonObject();
    return new QueryView(
        Digest.fromHex(j.getString("id")),
        AccountAddress.fromHex(j.getString("client")),
        j.getJsonArray("attestations").stream().map(a -> Digest.fromHex((String) a)).toList(),
        j.getString("predicate"),
        j.getLong("threshold"),
        j.getLong("upper"),
        j.getString("purpose"),
        HexBytes.fromHex(j.getString("nonce")),
        j.getString("status"),
        j.getLong("createdAt"));
  }

  private AttestationView attestationView(String id) {
    JsonObject j = http.get("/v1/attestations/" + id, holderToken).bodyAsJsonObject();
    return new AttestationView(
        Digest.fromHex(j.getString("id")),
        AccountAddress.fromHex(j.getString("issuer")),
        j.getString("subject"),
        j.getString("schema"),
        HexBytes.fromHex(j.getString("commitment")),
        j.getLong("validFrom"),
        j.getLong("validUntil"),
        j.getString("status"));
  }

  private long beaconHeight() {
    return http.get("/v1/chain/shards", null)
        .bodyAsJsonObject()
        .getJsonArray("shards")
        .getJsonObject(0)
        .getLong("height");
  }

  private long beaconNonce(Address a) {
    return devnet.chains().chain(0).headState().account(a.toBytes()).nonce();
  }

  private static void assertProblem(HttpResponse<Buffer> r, int status) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
  }

  private static Bytes bytes(String prefixedHex) {
    return Bytes.fromHex(prefixedHex);
  }

  private static AttestationId id(String hex) {
    return new AttestationId(io.fugue.chain.primitives.Hash32.fromHex(hex));
  }

  private static String hex(Address a) {
    return a.toBytes().toPrefixedHex();
  }

  private static String nonce() {
    byte[] n = new byte[32];
    new SecureRandom().nextBytes(n);
    return "0x" + HexFormat.of().formatHex(n);
  }
}
