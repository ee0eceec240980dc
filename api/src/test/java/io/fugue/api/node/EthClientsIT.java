package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fugue.api.ApiLimits;
import io.fugue.chain.codec.CodecLimits;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.ledger.EthereumTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.testing.Await;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ethereum tooling against one devnet started here (12 FBFT validators over libp2p on 127.0.0.1,
 * RocksDB on disk): a Java client signing with our own EIP-155/1559 code, then the real web3.py and
 * ethers v6 (installed by {@code api/src/test/eth-clients/install.sh}, pinned by its lock files),
 * each with its own funded devnet key, then bad input that must be refused and not applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EthClientsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHARD = 1;
  private static final int MAX_BATCH = ApiLimits.defaults().maxRpcBatch();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path CLIENTS = Path.of("target", "eth-clients");
  private static final Path SCRIPTS = Path.of("src", "test", "eth-clients");

  @TempDir static Path dataDir;
  private Devnet devnet;
  private final HttpClient http = HttpClient.newHttpClient();
  private String rpc;
  private long chainId;
  private List<Secp256k1PrivateKey> keys;
  private EthereumTransaction sentLegacy;

  /** Installs the pinned clients when this checkout has not yet (as .ci/run does first). */
  @BeforeAll
  void installClients() throws Exception {
    if (Files.exists(CLIENTS.resolve("venv/bin/python"))
        && Files.exists(CLIENTS.resolve("node_modules/ethers"))) {
      return;
    }
    Process p =
        new ProcessBuilder("bash", "src/test/eth-clients/install.sh")
            .redirectErrorStream(true)
            .start();
    boolean done = p.waitFor(10, TimeUnit.MINUTES);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done && p.exitValue() == 0)
        .as("installing web3.py and ethers (python3 with venv and npm are needed):%n%s", out)
        .isTrue();
  }

  @BeforeAll
  void startDevnet() throws Exception {
    // Three clients poll for receipts from one address: lift the per-IP rate limit.
    ApiLimits limits = ApiLimits.defaults().withIpRate(100_000, 100_000);
    devnet =
        Devnet.start(
            new Devnet.Options(dataDir, 0, 500, limits),
            new P2pNetworks("fugue-devnet", dataDir, Duration.ofMillis(100)),
            Clock.systemUTC());
    devnet.awaitFirstBlocks(WAIT);
    rpc = "http://127.0.0.1:" + devnet.apiPort() + "/rpc/" + SHARD;
    chainId = EthereumTransaction.chainIdOf(Main.CHAIN_ID, SHARD);
    keys = devnet.layout().accounts();
  }

  @AfterAll
  void stop() {
    if (devnet != null) {
      devnet.close();
    }
  }

  private String post(String url, String body) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "application/json")
                  .timeout(WAIT)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(body).isEqualTo(200);
      return r.body();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private JsonNode call(String method, Object... params) {
    try {
      String body =
          JSON.writeValueAsString(
              JSON.createObjectNode()
                  .put("jsonrpc", "2.0")
                  .put("id", 1)
                  .put("method", method)
                  .set("params", JSON.valueToTree(params)));
      return JSON.readTree(post(rpc, body));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private JsonNode result(String method, Object... params) {
    JsonNode r = call(method, params);
    assertThat(r.has("error")).as(method + " → " + r).isFalse();
    return r.get("result");
  }

  private BigInteger quantity(String method, Object... params) {
    return new BigInteger(result(method, params).asText().substring(2), 16);
  }

  private static String hex(Address a) {
    return Bytes.of(a.toArray()).toPrefixedHex();
  }

  private BigInteger balance(Address a) {
    return quantity("eth_getBalance", hex(a), "latest");
  }

  private JsonNode awaitReceipt(String hash) {
    return Await.value(
        "the receipt of " + hash,
        WAIT,
        () -> result("eth_getTransactionReceipt", hash),
        r -> !r.isNull());
  }

  private EthereumTransaction transfer(
      EthereumTransaction.Kind kind, long chain, Secp256k1PrivateKey from, long nonce, long value) {
    Uint256 price = Uint256.of(1);
    Uint256 cap = kind == EthereumTransaction.Kind.DYNAMIC_FEE ? Uint256.of(2) : price;
    return EthereumTransaction.sign(
        kind, chain, nonce, price, cap, 21_000, keys.get(9).address(), Uint256.of(value), from);
  }

  @Test
  @Order(1)
  void shouldTransferWithEthereumSignaturesFromJava() {
    Secp256k1PrivateKey alice = keys.get(6);
    Address bob = keys.get(9).address();
    assertThat(result("eth_chainId").asText()).isEqualTo("0x" + Long.toHexString(chainId));
    assertThat(quantity("eth_blockNumber")).isPositive();
    BigInteger aliceBefore = balance(alice.address());
    BigInteger bobBefore = balance(bob);
    long nonce = quantity("eth_getTransactionCount", hex(alice.address()), "pending").longValue();
    sentLegacy = transfer(EthereumTransaction.Kind.LEGACY, chainId, alice, nonce, 700);
    EthereumTransaction dynamic =
        transfer(EthereumTransaction.Kind.DYNAMIC_FEE, chainId, alice, nonce + 1, 300);
    String h1 = result("eth_sendRawTransaction", sentLegacy.encode().toPrefixedHex()).asText();
    String h2 = result("eth_sendRawTransaction", dynamic.encode().toPrefixedHex()).asText();
    JsonNode r1 = awaitReceipt(h1);
    JsonNode r2 = awaitReceipt(h2);
    assertThat(r1.get("status").asText()).isEqualTo("0x1");
    assertThat(r2.get("status").asText()).isEqualTo("0x1");
    assertThat(r1.get("from").asText()).isEqualToIgnoringCase(hex(alice.address()));
    assertThat(balance(bob)).isEqualTo(bobBefore.add(BigInteger.valueOf(1_000)));
    assertThat(balance(alice.address()))
        .isEqualTo(aliceBefore.subtract(BigInteger.valueOf(1_000 + 2 * 21_000)));
    JsonNode block = result("eth_getBlockByNumber", r1.get("blockNumber").asText(), true);
    assertThat(block.get("transactions").findValuesAsText("hash")).contains(h1);
    assertThat(result("eth_getTransactionByHash", h2).get("type").asText()).isEqualTo("0x2");
  }

  @Test
  @Order(2)
  void shouldWorkWithWeb3Py() throws Exception {
    Path python = CLIENTS.resolve("venv/bin/python");
    assertThat(python).as("run api/src/test/eth-clients/install.sh first").exists();
    String out =
        run(
            List.of(
                python.toString(),
                SCRIPTS.resolve("web3py_check.py").toString(),
                rpc,
                Long.toString(chainId),
                keys.get(7).toBytes().toPrefixedHex(),
                hex(keys.get(9).address())));
    assertThat(out).matches("ok web3\\.py 0x[0-9a-f]{64} 0x[0-9a-f]{64}");
  }

  @Test
  @Order(3)
  void shouldWorkWithEthers() throws Exception {
    assertThat(CLIENTS.resolve("node_modules/ethers"))
        .as("run api/src/test/eth-clients/install.sh first")
        .exists();
    // Node resolves "ethers" from the script's own folder.
    Path script = CLIENTS.resolve("ethers_check.mjs");
    Files.copy(
        SCRIPTS.resolve("ethers_check.mjs"),
        script,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String out =
        run(
            List.of(
                "node",
                script.toString(),
                rpc,
                Long.toString(chainId),
                keys.get(8).toBytes().toPrefixedHex(),
                hex(keys.get(9).address())));
    assertThat(out).matches("ok ethers 0x[0-9a-f]{64} 0x[0-9a-f]{64}");
  }

  @Test
  @Order(4)
  void shouldRefuseBadInputAndApplyNothing() {
    Secp256k1PrivateKey carol = keys.get(6);
    String carolHex = hex(carol.address());
    BigInteger nonce = quantity("eth_getTransactionCount", carolHex, "latest");
    BigInteger before = balance(carol.address());

    EthereumTransaction otherShard =
        transfer(EthereumTransaction.Kind.LEGACY, chainId + 1, carol, nonce.longValue(), 5);
    assertError(call("eth_sendRawTransaction", otherShard.encode().toPrefixedHex()), -32000)
        .contains("invalid chain id");
    assertError(call("eth_sendRawTransaction", sentLegacy.encode().toPrefixedHex()), -32000)
        .containsIgnoringCase("nonce");
    byte[] bad =
        transfer(EthereumTransaction.Kind.DYNAMIC_FEE, chainId, carol, nonce.longValue(), 5)
            .encode()
            .toArray();
    bad[bad.length - 40] ^= 0x01; // inside r: recovers another key, or none
    assertThat(call("eth_sendRawTransaction", Bytes.of(bad).toPrefixedHex()).has("error")).isTrue();
    assertError(call("eth_sendRawTransaction", withData(nonce.longValue(), carol)), -32000)
        .contains("data must be empty");

    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i <= MAX_BATCH; i++) {
      batch.append(i == 0 ? "" : ",");
      batch.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"eth_chainId\"}");
    }
    JsonNode oversize = read(post(rpc, batch.append("]").toString()));
    assertThat(oversize.get("error").get("code").asInt()).isEqualTo(-32600);
    JsonNode malformed = read(post(rpc, "{\"jsonrpc\":\"2.0\",\"method\":"));
    assertThat(malformed.get("error").get("code").asInt()).isEqualTo(-32700);

    // Nothing applied: two more blocks later, the nonce and balance are unchanged.
    long head = quantity("eth_blockNumber").longValue();
    Await.until("two more blocks", WAIT, () -> quantity("eth_blockNumber").longValue() >= head + 2);
    assertThat(quantity("eth_getTransactionCount", carolHex, "latest")).isEqualTo(nonce);
    assertThat(balance(carol.address())).isEqualTo(before);
  }

  @Test
  @Order(5)
  void shouldStreamNewHeadsOverWebSocket() throws Exception {
    List<JsonNode> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.net.http.WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + devnet.apiPort() + "/ws/" + SHARD),
                new java.net.http.WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public java.util.concurrent.CompletionStage<?> onText(
                      java.net.http.WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      received.add(read(text.toString()));
                      text.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    try {
      ws.sendText(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\","
                  + "\"params\":[\"newHeads\"]}",
              true)
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      Await.until("three newHeads", WAIT, () -> received.size() >= 4);
      String subscription = received.get(0).get("result").asText();
      assertThat(subscription).matches("0x[0-9a-f]{32}");
      List<Long> numbers = new ArrayList<>();
      for (JsonNode n : received.subList(1, 4)) {
        assertThat(n.get("method").asText()).isEqualTo("eth_subscription");
        assertThat(n.get("params").get("subscription").asText()).isEqualTo(subscription);
        JsonNode head = n.get("params").get("result");
        assertThat(head.get("hash").asText()).matches("0x[0-9a-f]{64}");
        numbers.add(Long.decode(head.get("number").asText()));
      }
      assertThat(numbers).isSorted().doesNotHaveDuplicates();
    } finally {
      ws.abort();
    }
  }

  private String withData(long nonce, Secp256k1PrivateKey key) {
    // A signed EIP-1559 transfer whose data field is not empty: built by hand, as no Fugue API
    // would produce one.
    EthereumTransaction base =
        transfer(EthereumTransaction.Kind.DYNAMIC_FEE, chainId, key, nonce, 5);
    List<RlpItem> f =
        new ArrayList<>(
            Rlp.decodeTyped(base.encode(), CodecLimits.defaults()).payload().asList().items());
    f.set(7, RlpString.of(Bytes.fromHex("a9059cbb")));
    return Rlp.encodeTyped(2, new RlpList(f)).toPrefixedHex();
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertError(JsonNode r, int code) {
    assertThat(r.has("error")).as(r.toString()).isTrue();
    assertThat(r.get("error").get("code").asInt()).isEqualTo(code);
    return assertThat(r.get("error").get("message").asText());
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!done) {
      p.destroyForcibly();
      throw new AssertionError(command.get(1) + " did not finish in 120 s: " + out);
    }
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
