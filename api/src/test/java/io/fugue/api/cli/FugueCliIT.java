package io.fugue.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import io.fugue.api.model.Role;
import io.fugue.api.model.SchemaView;
import io.fugue.api.support.InMemoryBackends;
import io.fugue.api.support.TestKeys;
import io.fugue.api.support.TestNode;
import io.fugue.datasharing.holder.SealedOpening;
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
    KeyStore keys =
        new KeyStore() {
          @Override
          public Entry create(String label) {
            throw new UnsupportedOperationException();
          }

          @Override
          public List<Entry> list() {
            return List.of();
          }

          @Override
          public HexBytes publicKey(AccountAddress address) {
            throw new UnsupportedOperationException();
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
    return new CliServices(
        Optional.of(keys),
        Optional.of(
            (from, to, amount, nonce, shard, toShard) ->
                HexBytes.fromHex("0xf1" + amount.toString(16) + "00")),
        Optional.empty());
  }

  private JsonNode ok(CliRun r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void shouldRegisterAnIssuerWithAToken() throws Exception {
    String token = node.login(bank);
    JsonNode issuer =
        ok(
            CliRun.run(
                CliServices.thisBuild(),
                "issuer",
                "register",
                "--api",
                node.baseUrl(),
                "--token",
                token,
                "--name",
                "First Bank",
                "--contact",
                "kyc@b.example"));
    assertThat(issuer.path("status").asText()).isEqualTo("pending");
    assertThat(issuer.path("account").asText()).isEqualTo(bank.address().toHex());
  }

  @Test
  void shouldAttestQueryAnswerAndShowStatusLoggingInWithTheKeyStore() throws Exception {
    CliServices services = withKeys(bank, holder);
    node.backends.grant(bank.address(), Role.ISSUER);
    node.backends.grant(bank.address(), Role.CLIENT);
    node.backends.grant(holder.address(), Role.HOLDER);
    TestNode.await(
        node.backends.registerSchema(
            null, new SchemaView("net-worth", "net worth", "USD", 0, 64, List.of(bank.address()))));
    String api = node.baseUrl();

    JsonNode att =
        ok(
            CliRun.run(
                services,
                "attest",
                "--api",
                api,
                "--as",
                bank.address().toHex(),
                "--subject",
                "did:fugue:alice",
                "--schema",
                "net-worth",
                "--commitment",
                "0x" + "11".repeat(32),
                "--valid-from",
                "1700000000",
                "--valid-until",
                "1900000000"));
    String attestation = att.path("id").asText();

    JsonNode q =
        ok(
            CliRun.run(
                services,
                "query",
                "create",
                "--api",
                api,
                "--as",
                bank.address().toHex(),
                "--attestation",
                attestation,
                "--predicate",
                "gte",
                "--threshold",
                "1000000",
                "--purpose",
                "loan"));
    String id = q.path("id").asText();
    assertThat(q.path("nonce").asText()).matches("0x[0-9a-f]{64}");

    JsonNode answer =
        ok(
            CliRun.run(
                services,
                "query",
                "answer",
                id,
                "--api",
                api,
                "--as",
                holder.address().toHex(),
                "--proof",
                InMemoryBackends.VALID_PROOF.toHex()));
    assertThat(answer.path("outcome").asBoolean()).isTrue();

    JsonNode status =
        ok(
            CliRun.run(
                services, "query", "status", id, "--api", api, "--as", holder.address().toHex()));
    assertThat(status.path("id").asText()).isEqualTo(id);
  }

  /**
   * A writer that signs and opens nothing: it records what the CLI handed it and returns fixed
   * bytes, so these tests check the commands' plumbing (the real crypto runs in DevnetScenarioIT).
   */
  private static final class RecordingWriter implements ChainWriter {
    @Override
    public HexBytes staking(AccountAddress from, long nonce, StakingWrite write) {
      throw new UnsupportedOperationException("not used by these tests");
    }

    final AtomicReference<HexBytes> holderKey = new AtomicReference<>();
    final AtomicReference<HexBytes> depositKey = new AtomicReference<>();
    final AtomicReference<AttestationView> opened = new AtomicReference<>();
    final AtomicReference<List<HexBytes>> sealed = new AtomicReference<>();
    final AtomicReference<Integer> bits = new AtomicReference<>();
    Optional<HexBytes> proof = Optional.empty();

    @Override
    public Attested attest(
        AccountAddress issuer,
        long nonce,
        int shard,
        String subject,
        AccountAddress holder,
        String schema,
        long value,
        long from,
        long until,
        HexBytes key) {
      holderKey.set(key);
      return new Attested(
          HexBytes.fromHex("0xf1aa"),
          new Digest(HexBytes.of(new byte[32])),
          HexBytes.fromHex("0x01"));
    }

    @Override
    public HexBytes resealForVault(
        AccountAddress holder, AttestationView attestation, HexBytes s, HexBytes key) {
      opened.set(attestation);
      sealed.set(List.of(s));
      depositKey.set(key);
      // The size of a real sealed opening: the API's schema admits exactly that.
      return HexBytes.fromHex("0x" + "02".repeat(SealedOpening.ENCODED_BYTES));
    }

    @Override
    public Optional<HexBytes> prove(
        AccountAddress holder,
        QueryView query,
        List<AttestationView> attestations,
        int schemaBits,
        List<HexBytes> s) {
      opened.set(attestations.get(0));
      sealed.set(s);
      bits.set(schemaBits);
      return proof;
    }

    @Override
    public HexBytes decline(AccountAddress holder, Digest queryId) {
      return HexBytes.of(new byte[65]);
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
    public HexBytes createSchema(
        AccountAddress from,
        long nonce,
        String id,
        String attribute,
        String unit,
        int scale,
        int bits) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HexBytes revoke(AccountAddress issuer, long nonce, int shard, Digest attestation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HexBytes consent(
        AccountAddress holder, Digest queryId, List<Digest> attestations, long expiresAtMillis) {
      throw new UnsupportedOperationException();
    }
  }

  private CliServices withWriter(RecordingWriter writer) {
    return new CliServices(
        withKeys(bank, holder).keys(), Optional.empty(), Optional.empty(), Optional.of(writer));
  }

  @Test
  void shouldSealToTheGivenHolderKey() throws Exception {
    var writer = new RecordingWriter();
    String key = "0x" + "07".repeat(64);
    JsonNode r =
        ok(
            CliRun.run(
                withWriter(writer),
                "attest",
                "--api",
                node.baseUrl(),
                "--as",
                bank.address().toHex(),
                "--subject",
                "did:fugue:alice",
                "--schema",
                "net-worth",
                "--value",
                "1500000",
                "--holder",
                holder.address().toHex(),
                "--holder-key",
                key,
                "--nonce",
                "0",
                "--valid-from",
                "1",
                "--valid-until",
                "2"));
    assertThat(writer.holderKey.get()).isEqualTo(HexBytes.fromHex(key));
    assertThat(r.path("transaction").asText()).matches("0x[0-9a-f]{64}");
    assertThat(r.path("sealedOpening").asText()).isEqualTo("0x01");
  }

  /** An attestation and a query over it in the in-memory node; returns {attestation, query}. */
  private String[] attestationAndQuery() throws Exception {
    node.backends.grant(bank.address(), Role.ISSUER);
    node.backends.grant(bank.address(), Role.CLIENT);
    node.backends.grant(holder.address(), Role.HOLDER);
    TestNode.await(
        node.backends.registerSchema(
            null, new SchemaView("net-worth", "net worth", "USD", 0, 32, List.of(bank.address()))));
    CliServices services = withKeys(bank, holder);
    String att =
        ok(CliRun.run(
                services,
                "attest",
                "--api",
                node.baseUrl(),
                "--as",
                bank.address().toHex(),
                "--subject",
                "did:fugue:alice",
                "--schema",
                "net-worth",
                "--commitment",
                "0x" + "11".repeat(32),
                "--valid-from",
                "1700000000",
                "--valid-until",
                "1900000000"))
            .path("id")
            .asText();
    String q =
        ok(CliRun.run(
                services,
                "query",
                "create",
                "--api",
                node.baseUrl(),
                "--as",
                bank.address().toHex(),
                "--attestation",
                att,
                "--predicate",
                "gte",
                "--threshold",
                "1000000",
                "--purpose",
                "loan"))
            .path("id")
            .asText();
    return new String[] {att, q};
  }

  @Test
  void shouldResealAgainstTheOnChainCommitmentToTheNodesVaultKeyAndStoreIt() throws Exception {
    assertThat(System.getenv("FUGUE_VAULT_KEY"))
        .as("this test needs FUGUE_VAULT_KEY unset")
        .isNull();
    String att = attestationAndQuery()[0];
    var writer = new RecordingWriter();
    JsonNode stored =
        ok(
            CliRun.run(
                withWriter(writer),
                "vault",
                "store",
                att,
                "--api",
                node.baseUrl(),
                "--as",
                holder.address().toHex(),
                "--sealed",
                "0xabcd"));
    assertThat(stored.path("attestationId").asText()).isEqualTo(att);
    assertThat(writer.depositKey.get()).isEqualTo(InMemoryBackends.VAULT_KEY);
    assertThat(writer.opened.get().commitment())
        .isEqualTo(HexBytes.fromHex("0x" + "11".repeat(32)));
    assertThat(writer.sealed.get()).containsExactly(HexBytes.fromHex("0xabcd"));
  }

  @Test
  void shouldPreferAGivenVaultKeyOverTheNodes() throws Exception {
    String att = attestationAndQuery()[0];
    var writer = new RecordingWriter();
    String given = "0x" + "07".repeat(64);
    ok(
        CliRun.run(
            withWriter(writer),
            "vault",
            "store",
            att,
            "--api",
            node.baseUrl(),
            "--as",
            holder.address().toHex(),
            "--sealed",
            "0xabcd",
            "--vault-key",
            given));
    assertThat(writer.depositKey.get()).isEqualTo(HexBytes.fromHex(given));
  }

  @Test
  void shouldPostTheProofMadeLocallyFromTheSealedOpening() throws Exception {
    String[] ids = attestationAndQuery();
    var writer = new RecordingWriter();
    writer.proof = Optional.of(InMemoryBackends.VALID_PROOF);
    JsonNode answer =
        ok(
            CliRun.run(
                withWriter(writer),
                "query",
                "answer",
                ids[1],
                "--api",
                node.baseUrl(),
                "--as",
                holder.address().toHex(),
                "--sealed",
                "0xabcd"));
    assertThat(answer.path("status").asText()).isEqualTo("verified");
    assertThat(writer.bits.get()).isEqualTo(32);
    assertThat(writer.opened.get().id().toHex()).isEqualTo(ids[0]);
  }

  @Test
  void shouldDeclineWhenNoProofExistsSoTheQueryEndsRefused() throws Exception {
    String[] ids = attestationAndQuery();
    CliRun r =
        CliRun.run(
            withWriter(new RecordingWriter()),
            "query",
            "answer",
            ids[1],
            "--api",
            node.baseUrl(),
            "--as",
            holder.address().toHex(),
            "--sealed",
            "0xabcd");
    assertThat(ok(r).path("status").asText()).isEqualTo("refused");
    assertThat(r.err()).contains("no proof exists");
  }

  @Test
  void shouldReportTheNodesRefusalWithExitCode1() {
    node.backends.grant(holder.address(), Role.HOLDER);
    CliRun r =
        CliRun.run(
            withKeys(holder),
            "attest",
            "--api",
            node.baseUrl(),
            "--as",
            holder.address().toHex(),
            "--subject",
            "did:fugue:alice",
            "--schema",
            "net-worth",
            "--commitment",
            "0x" + "11".repeat(32),
            "--valid-from",
            "1",
            "--valid-until",
            "2");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(r.err()).contains("403").contains("issuer role");
  }

  @Test
  void shouldSubmitASignedTransfer() throws Exception {
    String a = "0x" + "11".repeat(20);
    JsonNode r =
        ok(
            CliRun.run(
                withKeys(),
                "tx",
                "transfer",
                "--api",
                node.baseUrl(),
                "--from",
                a,
                "--to",
                a,
                "--amount",
                "255",
                "--nonce",
                "0"));
    assertThat(r.path("hash").asText()).matches("0x[0-9a-f]{64}");
    assertThat(
            node.get("/v1/chain/transactions/" + r.path("hash").asText(), null)
                .bodyAsJsonObject()
                .getString("raw"))
        .isEqualTo("0xf1ff00");
  }

  @Test
  void shouldFailClearlyWhenNoNodeListens() {
    CliRun r =
        CliRun.run(
            CliServices.thisBuild(),
            "query",
            "status",
            "0x" + "00".repeat(32),
            "--api",
            "http://127.0.0.1:1",
            "--token",
            "t",
            "--timeout",
            "5");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(r.err()).contains("cannot reach the node").doesNotContain("null");
  }
}
