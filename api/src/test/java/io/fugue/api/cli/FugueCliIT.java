package io.fugue.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.Role;
import io.fugue.api.model.SchemaView;
import io.fugue.api.support.InMemoryBackends;
import io.fugue.api.support.TestKeys;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CLI's client commands against a real API server. */
@ExtendWith(VertxExtension.class)
class FugueCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestNode node;
  private final TestKeys.Account bank = TestKeys.newAccount();
  private final TestKeys.Account holder = TestKeys.newAccount();

  @BeforeEach
  void start(Vertx vertx) {
    node = new TestNode(vertx);
  }

  private CliServices withKeys(TestKeys.Account... accounts) {
    KeyStore keys = new KeyStore() {
      @Override
      public Entry create(String label) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Entry> list() {
        return List.of();
      }

      @Override
      public HexBytes sign(AccountAddress address, byte[] message) {
        for (TestKeys.Account a : accounts) {
          if (a.address().equals(address)) {
            return a.sign(message);
          }
        }
        throw new IllegalArgumentException("no key for " + address);
      }
    };
    return new CliServices(Optional.of(keys), Optional.of((from, to, amount, nonce) ->
        HexBytes.fromHex("0xf1" + amount.toString(16) + "00")), Optional.empty());
  }

  private JsonNode ok(CliRun r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void shouldRegisterAnIssuerWithAToken() throws Exception {
    String token = node.login(bank);
    JsonNode issuer = ok(CliRun.run(CliServices.thisBuild(), "issuer", "register",
        "--api", node.baseUrl(), "--token", token, "--name", "First Bank", "--contact", "kyc@b.example"));
    assertThat(issuer.path("status").asText()).isEqualTo("pending");
    assertThat(issuer.path("account").asText()).isEqualTo(bank.address().toHex());
  }

  @Test
  void shouldAttestQueryAnswerAndShowStatusLoggingInWithTheKeyStore() throws Exception {
    CliServices services = withKeys(bank, holder);
    node.backends.grant(bank.address(), Role.ISSUER);
    node.backends.grant(bank.address(), Role.CLIENT);
    node.backends.grant(holder.address(), Role.HOLDER);
    TestNode.await(node.backends.registerSchema(null, new SchemaView("net-worth", "net worth",
        "USD", 0, 64, List.of(bank.address()))));
    String api = node.baseUrl();

    JsonNode att = ok(CliRun.run(services, "attest", "--api", api, "--as", bank.address().toHex(),
        "--subject", "did:fugue:alice", "--schema", "net-worth", "--commitment",
        "0x" + "11".repeat(32), "--valid-from", "1700000000", "--valid-until", "1900000000"));
    String attestation = att.path("id").asText();

    JsonNode q = ok(CliRun.run(services, "query", "create", "--api", api, "--as",
        bank.address().toHex(), "--attestation", attestation, "--predicate", "gte",
        "--threshold", "1000000", "--purpose", "loan"));
    String id = q.path("id").asText();
    assertThat(q.path("nonce").asText()).matches("0x[0-9a-f]{64}");

    JsonNode answer = ok(CliRun.run(services, "query", "answer", id, "--api", api, "--as",
        holder.address().toHex(), "--proof", InMemoryBackends.VALID_PROOF.toHex()));
    assertThat(answer.path("outcome").asBoolean()).isTrue();

    JsonNode status = ok(CliRun.run(services, "query", "status", id, "--api", api, "--as",
        holder.address().toHex()));
    assertThat(status.path("id").asText()).isEqualTo(id);
  }

  @Test
  void shouldReportTheNodesRefusalWithExitCode1() {
    node.backends.grant(holder.address(), Role.HOLDER);
    CliRun r = CliRun.run(withKeys(holder), "attest", "--api", node.baseUrl(), "--as",
        holder.address().toHex(), "--subject", "did:fugue:alice", "--schema", "net-worth",
        "--commitment", "0x" + "11".repeat(32), "--valid-from", "1", "--valid-until", "2");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(r.err()).contains("403").contains("issuer role");
  }

  @Test
  void shouldSubmitASignedTransfer() throws Exception {
    String a = "0x" + "11".repeat(20);
    JsonNode r = ok(CliRun.run(withKeys(), "tx", "transfer", "--api", node.baseUrl(), "--from", a,
        "--to", a, "--amount", "255", "--nonce", "0"));
    assertThat(r.path("hash").asText()).matches("0x[0-9a-f]{64}");
    assertThat(node.get("/v1/chain/transactions/" + r.path("hash").asText(), null)
        .bodyAsJsonObject().getString("raw")).isEqualTo("0xf1ff00");
  }

  @Test
  void shouldFailClearlyWhenNoNodeListens() {
    CliRun r = CliRun.run(CliServices.thisBuild(), "query", "status", "0x" + "00".repeat(32),
        "--api", "http://127.0.0.1:1", "--token", "t", "--timeout", "5");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(r.err()).contains("cannot reach the node").doesNotContain("null");
  }
}
