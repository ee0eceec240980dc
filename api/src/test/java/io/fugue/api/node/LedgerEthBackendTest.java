package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fugue.api.port.EthRpcError;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.ledger.EthereumTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import io.vertx.core.Future;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class LedgerEthBackendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LedgerFixture f = new LedgerFixture();
  private final LedgerEthBackend eth = new LedgerEthBackend(f.chains, () -> 3, 4);
  private final long chainId = EthereumTransaction.chainIdOf(Main.CHAIN_ID, 1);
  private final Secp256k1PrivateKey alice = f.key(4);
  private final Address bob = f.key(5).address();

  private Object call(String method, Object... params) {
    Future<Object> r = eth.call(1, method, JSON.valueToTree(params));
    if (r.failed()) {
      throw (RuntimeException) r.cause();
    }
    return r.result();
  }

  private JsonNode json(String method, Object... params) {
    return JSON.valueToTree(call(method, params));
  }

  private EthRpcError error(String method, Object... params) {
    Future<Object> r = eth.call(1, method, JSON.valueToTree(params));
    assertThat(r.failed()).as(method + " should fail").isTrue();
    assertThat(r.cause()).isInstanceOf(EthRpcError.class);
    return (EthRpcError) r.cause();
  }

  private EthereumTransaction transfer(
      EthereumTransaction.Kind kind, long chain, long nonce, long value) {
    Uint256 price = Uint256.of(2);
    Uint256 cap = kind == EthereumTransaction.Kind.DYNAMIC_FEE ? Uint256.of(5) : price;
    return EthereumTransaction.sign(
        kind, chain, nonce, price, cap, 21_000, bob, Uint256.of(value), alice);
  }

  private BigInteger balance(Address a) {
    return new BigInteger(((String) call("eth_getBalance", hex(a), "latest")).substring(2), 16);
  }

  private static String hex(Address a) {
    return Bytes.of(a.toArray()).toPrefixedHex();
  }

  @Test
  void shouldAnswerTheChainIdentityPerShard() {
    assertThat(call("eth_chainId")).isEqualTo("0x" + Long.toHexString(chainId));
    assertThat(call("net_version")).isEqualTo(Long.toString(chainId));
    assertThat(eth.call(0, "eth_chainId", JSON.createArrayNode()).result())
        .isEqualTo("0x" + Long.toHexString(chainId - 1));
    assertThat(call("net_peerCount")).isEqualTo("0x3");
    assertThat(call("eth_syncing")).isEqualTo(false);
    assertThat(call("eth_blockNumber")).isEqualTo("0x0");
    assertThat(json("eth_accounts").size()).isZero();
    assertThat(call("eth_getCode", hex(bob), "latest")).isEqualTo("0x");
    assertThat(eth.call(9, "eth_chainId", JSON.createArrayNode()).cause())
        .hasMessageContaining("shard 9 is not held");
  }

  @Test
  void shouldExecuteLegacyAndDynamicFeeTransfersUnderTheirEthereumHash() {
    BigInteger aliceBefore = balance(alice.address());
    BigInteger bobBefore = balance(bob);
    EthereumTransaction legacy = transfer(EthereumTransaction.Kind.LEGACY, chainId, 0, 1_000);
    EthereumTransaction dynamic = transfer(EthereumTransaction.Kind.DYNAMIC_FEE, chainId, 1, 2_000);
    String h1 = (String) call("eth_sendRawTransaction", legacy.encode().toPrefixedHex());
    String h2 = (String) call("eth_sendRawTransaction", dynamic.encode().toPrefixedHex());
    assertThat(h1).isEqualTo(legacy.toTransaction().hash().toBytes().toPrefixedHex());
    assertThat(call("eth_getTransactionCount", hex(alice.address()), "pending")).isEqualTo("0x2");
    assertThat(call("eth_getTransactionCount", hex(alice.address()), "latest")).isEqualTo("0x0");
    assertThat(json("eth_getTransactionByHash", h2).get("blockHash").isNull()).isTrue();
    assertThat(call("eth_getTransactionReceipt", h1)).isNull();

    f.block(1);

    JsonNode receipt = json("eth_getTransactionReceipt", h1);
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("from").asText()).isEqualToIgnoringCase(hex(alice.address()));
    assertThat(receipt.get("to").asText()).isEqualToIgnoringCase(hex(bob));
    assertThat(receipt.get("gasUsed").asText()).isEqualTo("0x5208");
    assertThat(receipt.get("effectiveGasPrice").asText()).isEqualTo("0x2");
    assertThat(json("eth_getTransactionReceipt", h2).get("type").asText()).isEqualTo("0x2");
    // Fees: 21000 x 2 each (type 2 pays its tip 2, below its cap 5, with no base fee).
    assertThat(balance(bob)).isEqualTo(bobBefore.add(BigInteger.valueOf(3_000)));
    assertThat(balance(alice.address()))
        .isEqualTo(aliceBefore.subtract(BigInteger.valueOf(3_000 + 2 * 42_000)));
    assertThat(call("eth_getTransactionCount", hex(alice.address()), "latest")).isEqualTo("0x2");

    JsonNode block = json("eth_getBlockByNumber", "latest", true);
    assertThat(block.get("number").asText()).isEqualTo("0x1");
    assertThat(block.get("transactions").get(0).get("hash").asText()).isEqualTo(h1);
    assertThat(block.get("transactions").get(1).get("maxFeePerGas").asText()).isEqualTo("0x5");
    assertThat(block.get("transactions").get(0).get("v").asText())
        .isEqualTo("0x" + Long.toHexString(legacy.legacyV()));
    JsonNode byHash = json("eth_getBlockByHash", block.get("hash").asText(), false);
    assertThat(byHash.get("transactions").get(1).asText()).isEqualTo(h2);
    assertThat(call("eth_getBlockTransactionCountByNumber", "0x1")).isEqualTo("0x2");
    assertThat(json("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x1").get("hash").asText())
        .isEqualTo(h2);
    assertThat(call("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x2")).isNull();
    assertThat(call("eth_getBalance", hex(bob), "0x0")).isEqualTo("0x" + bobBefore.toString(16));
    assertThat(json("eth_getTransactionByHash", h1).get("blockNumber").asText()).isEqualTo("0x1");

    // The same bytes again: a replay, refused and not applied.
    EthRpcError replay = error("eth_sendRawTransaction", legacy.encode().toPrefixedHex());
    assertThat(replay.code()).isEqualTo(EthRpcError.SERVER_ERROR);
    assertThat(replay.getMessage()).containsIgnoringCase("nonce");
    f.block(1);
    assertThat(balance(bob)).isEqualTo(bobBefore.add(BigInteger.valueOf(3_000)));
  }

  @Test
  void shouldRefuseAnotherShardsChainIdBadSignaturesAndData() {
    EthereumTransaction shard2 = transfer(EthereumTransaction.Kind.LEGACY, chainId + 1, 0, 1);
    assertThat(error("eth_sendRawTransaction", shard2.encode().toPrefixedHex()).getMessage())
        .contains("invalid chain id");
    byte[] bad = transfer(EthereumTransaction.Kind.DYNAMIC_FEE, chainId, 0, 1).encode().toArray();
    bad[bad.length - 1] ^= 0x01; // s changes: another (or no) signer
    EthRpcError badSig = error("eth_sendRawTransaction", Bytes.of(bad).toPrefixedHex());
    assertThat(badSig.getMessage()).isNotBlank();
    assertThat(
            error(
                    "eth_estimateGas",
                    JSON.createObjectNode().put("to", hex(bob)).put("data", "0xa9059cbb"))
                .getMessage())
        .contains("data must be empty");
    assertThat(
            error("eth_call", JSON.createObjectNode().put("to", hex(bob)), "latest").getMessage())
        .contains("no contracts");
    f.block(1);
    assertThat(call("eth_getTransactionCount", hex(alice.address()), "latest")).isEqualTo("0x0");
    assertThat(json("eth_getBlockByNumber", "latest", false).get("transactions").size()).isZero();
  }

  @Test
  void shouldCapTheLogRangeAndAnswerFeeQuestions() {
    for (int i = 0; i < 4; i++) {
      f.block(1);
    }
    EthRpcError tooWide =
        error("eth_getLogs", JSON.createObjectNode().put("fromBlock", "0x0").put("toBlock", "0x4"));
    assertThat(tooWide.code()).isEqualTo(EthRpcError.LIMIT_EXCEEDED);
    assertThat(tooWide.getMessage()).contains("limit of 4 blocks");
    assertThat(json("eth_getLogs", JSON.createObjectNode().put("fromBlock", "0x1")).size())
        .isZero();
    assertThat(call("eth_estimateGas", JSON.createObjectNode().put("to", hex(bob))))
        .isEqualTo("0x5208");
    JsonNode history = json("eth_feeHistory", "0x2", "latest", new int[] {50});
    assertThat(history.get("oldestBlock").asText()).isEqualTo("0x3");
    assertThat(history.get("baseFeePerGas").size()).isEqualTo(3);
    assertThat(history.get("reward").get(0).get(0).asText()).isEqualTo("0x1");
  }

  @Test
  void shouldNotifyHeadsAndPendingTransactionsUntilUnsubscribed() throws Exception {
    java.util.List<Object> heads = new java.util.ArrayList<>();
    java.util.List<Object> pending = new java.util.ArrayList<>();
    AutoCloseable h = eth.subscribe(1, JSON.valueToTree(new Object[] {"newHeads"}), heads::add);
    AutoCloseable p =
        eth.subscribe(1, JSON.valueToTree(new Object[] {"newPendingTransactions"}), pending::add);
    String hash =
        (String)
            call(
                "eth_sendRawTransaction",
                transfer(EthereumTransaction.Kind.LEGACY, chainId, 0, 1).encode().toPrefixedHex());
    f.block(1);
    assertThat(pending).containsExactly(hash);
    assertThat(heads).hasSize(1);
    assertThat(JSON.valueToTree(heads.get(0)).get("number").asText()).isEqualTo("0x1");
    h.close();
    p.close();
    f.block(1);
    assertThat(heads).hasSize(1);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> eth.subscribe(1, JSON.valueToTree(new Object[] {"syncing"}), x -> {})))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
