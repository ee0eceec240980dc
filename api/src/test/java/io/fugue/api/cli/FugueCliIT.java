package io.fugue.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Digest;
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
import java.util.concurrent.atomic.AtomicReference;
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

  /** A writer that signs nothing: it records the vault key it was given and returns fixed bytes. */
  private static final class KeyRecordingWriter implements ChainWriter {
    final AtomicReference<HexBytes> vaultKey = new AtomicReference<>();

    @Override
    public Attested attest(AccountAddress issuer, long nonce, int shard, String subject,
        AccountAddress holder, String schema, long value, long from, long until, HexBytes key) {
      vaultKey.set(key);
      return new Attested(HexBytes.fromHex("0xf1aa"), new Digest(HexBytes.of(new byte[32])),
          HexBytes.fromHex("0x01"));
    }

    @Override
    public HexBytes registerIssuer(AccountAddress from, long nonce, String name, String contact) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HexBytes approveIssuer(AccountAddress governor, long nonce, AccountAddress issuer) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HexBytes createSchema(AccountAddress from, long nonce, String id, String attribute,
        String unit, int scale, int bits) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HexBytes revoke(AccountAddress issuer, long nonce, int shard, Digest attestation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HexBytes consent(AccountAddress holder, Digest queryId, List<Digest> attestations,
        long expiresAtMillis) {
      throw new UnsupportedOperationException();
    }
  }

  private CliRun attestWithValue(KeyRecordingWriter writer, String... extra) {
    var services = new CliServices(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(writer));
    List<String> args = new java.util.ArrayList<>(List.of("attest", "--api", node.baseUrl(),
        "--as", bank.address().toHex(), "--subject", "did:fugue:alice", "--schema", "net-worth",
        "--value", "1500000", "--holder", holder.address().toHex(), "--nonce", "0",
        "--valid-from", "1", "--valid-until", "2"));
    args.addAll(List.of(extra));
    return CliRun.run(services, args.toArray(String[]::new));
  }

  @Test
  void shouldSealToTheNodesVaultKeyWhenNoneIsGiven() throws Exception {
    assertThat(System.getenv("FUGUE_VAULT_KEY")).as("this test needs FUGUE_VAULT_KEY unset").isNull();
    var writer = new KeyRecordingWriter();
    JsonNode r = ok(attestWithValue(writer));
    assertThat(writer.vaultKey.get()).isEqualTo(InMemoryBackends.VAULT_KEY);
    assertThat(r.path("transaction").asText()).matches("0x[0-9a-f]{64}");
  }

  @Test
  void shouldPreferAGivenVaultKeyOverTheNodes() throws Exception {
    var writer = new KeyRecordingWriter();
    String given = "0x" + "07".repeat(64);
    ok(attestWithValue(writer, "--vault-key", given));
    assertThat(writer.vaultKey.get()).isEqualTo(HexBytes.fromHex(given));
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
