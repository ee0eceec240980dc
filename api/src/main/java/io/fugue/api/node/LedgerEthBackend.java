package io.fugue.api.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.api.port.EthBackend;
import io.fugue.api.port.EthRpcError;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.EthereumTransaction;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import io.fugue.chain.txpool.AddResult;
import io.fugue.chain.txpool.TxPool;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EthBackend} over the shard chains this node holds: each shard {@code s} answers as the
 * Ethereum chain {@code genesisChainId × 65536 + s}. Reads block on RocksDB; the API calls ports
 * from its worker pool.
 */
final class LedgerEthBackend implements EthBackend {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerEthBackend.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String CLIENT_VERSION = "Fugue/v0.1.0/java17";

  /** Price per gas suggested: every transfer pays 21000 × this at least. */
  static final long GAS_PRICE = 1;

  /** Most blocks one eth_getLogs or eth_feeHistory call may span. */
  static final long MAX_BLOCK_RANGE = 1024;

  private final ShardChains chains;
  private final long maxBlockRange;
  private final Map<Integer, List<Consumer<Object>>> headSubscribers = new ConcurrentHashMap<>();
  private final Map<Integer, List<Consumer<Object>>> pendingSubscribers = new ConcurrentHashMap<>();
  private final Map<String, BiFunction<Integer, JsonNode, Object>> methods;

  LedgerEthBackend(ShardChains chains, IntSupplier peers) {
    this(chains, peers, MAX_BLOCK_RANGE);
  }

  LedgerEthBackend(ShardChains chains, IntSupplier peers, long maxBlockRange) {
    this.chains = chains;
    this.maxBlockRange = maxBlockRange;
    for (int s : chains.shards()) {
      chains.chain(s).addHeadListener(b -> onHead(s, b));
    }
    this.methods =
        Map.ofEntries(
            Map.entry("web3_clientVersion", (s, p) -> CLIENT_VERSION),
            Map.entry("net_version", (s, p) -> Long.toString(chainId(s))),
            Map.entry("net_listening", (s, p) -> true),
            Map.entry("net_peerCount", (s, p) -> EthJson.quantity(peers.getAsInt())),
            Map.entry("eth_chainId", (s, p) -> EthJson.quantity(chainId(s))),
            Map.entry("eth_syncing", (s, p) -> false),
            Map.entry("eth_blockNumber", (s, p) -> EthJson.quantity(chain(s).head().number())),
            Map.entry("eth_accounts", (s, p) -> NODES.arrayNode()),
            Map.entry("eth_gasPrice", (s, p) -> EthJson.quantity(GAS_PRICE)),
            Map.entry("eth_maxPriorityFeePerGas", (s, p) -> EthJson.quantity(GAS_PRICE)),
            Map.entry("eth_getBalance", this::balance),
            Map.entry("eth_getTransactionCount", this::transactionCount),
            Map.entry("eth_getCode", this::code),
            Map.entry("eth_getBlockByNumber", (s, p) -> block(s, p, true)),
            Map.entry("eth_getBlockByHash", (s, p) -> block(s, p, false)),
            Map.entry("eth_getBlockTransactionCountByNumber", (s, p) -> txCount(s, p, true)),
            Map.entry("eth_getBlockTransactionCountByHash", (s, p) -> txCount(s, p, false)),
            Map.entry("eth_getTransactionByHash", this::transactionByHash),
            Map.entry("eth_getTransactionByBlockNumberAndIndex", (s, p) -> txByIndex(s, p, true)),
            Map.entry("eth_getTransactionByBlockHashAndIndex", (s, p) -> txByIndex(s, p, false)),
            Map.entry("eth_getTransactionReceipt", this::receipt),
            Map.entry("eth_estimateGas", this::estimateGas),
            Map.entry("eth_call", this::ethCall),
            Map.entry("eth_feeHistory", this::feeHistory),
            Map.entry("eth_getLogs", this::logs),
            Map.entry("eth_sendRawTransaction", this::sendRaw));
  }

  @Override
  public AutoCloseable subscribe(int shard, JsonNode p, Consumer<Object> sink) {
    Blockchain chain = chain(shard);
    String kind = EthParams.text(p, 0, "subscription");
    Consumer<Object> subscriber =
        switch (kind) {
          case "newHeads" -> {
            EthParams.arity(p, 1, 1);
            yield b -> sink.accept(EthJson.header((Block) b, receipts(chain, (Block) b)));
          }
          case "logs" -> {
            EthParams.arity(p, 1, 2);
            ObjectNode f =
                p.size() > 1 && p.get(1).isObject()
                    ? ((ObjectNode) p.get(1)).deepCopy()
                    : NODES.objectNode();
            f.remove(List.of("fromBlock", "toBlock", "blockHash"));
            EthLogFilter filter = EthLogFilter.parse(f, chain, maxBlockRange);
            yield b -> logsOf(chain, (Block) b, filter).forEach(sink);
          }
          case "newPendingTransactions" -> {
            EthParams.arity(p, 1, 1);
            yield h -> {
              if (h instanceof String) {
                sink.accept(h);
              }
            };
          }
          default -> throw new IllegalArgumentException("unknown subscription " + kind);
        };
    boolean heads = !kind.equals("newPendingTransactions");
    List<Consumer<Object>> list =
        (heads ? headSubscribers : pendingSubscribers)
            .computeIfAbsent(shard, s -> new CopyOnWriteArrayList<>());
    list.add(subscriber);
    return () -> list.remove(subscriber);
  }

  private void onHead(int shard, Block block) {
    List<Consumer<Object>> list = headSubscribers.get(shard);
    if (list != null) {
      for (Consumer<Object> c : list) {
        try {
          c.accept(block);
        } catch (RuntimeException e) {
          // A subscriber's failure must never reach the chain's import thread.
          LOG.warn("eth subscription on shard {} failed: {}", shard, e.toString());
        }
      }
    }
  }

  private static List<JsonNode> logsOf(Blockchain chain, Block b, EthLogFilter filter) {
    List<JsonNode> out = new ArrayList<>();
    int logIndex = 0;
    List<Transaction> txs = b.body().transactions();
    for (int i = 0; i < txs.size(); i++) {
      Optional<Receipt> r = chain.receipt(txs.get(i).hash());
      for (Receipt.Log log : r.map(Receipt::logs).orElse(List.of())) {
        if (filter.matches(log)) {
          out.add(
              EthJson.log(
                  log,
                  txs.get(i).hash(),
                  new EthJson.Place(b.hash(), b.header().number(), i),
                  logIndex));
        }
        logIndex++;
      }
    }
    return out;
  }

  @Override
  public Set<String> methods() {
    return methods.keySet();
  }

  @Override
  public Future<Object> call(int shard, String method, JsonNode params) {
    var m = methods.get(method);
    if (m == null) {
      return Future.failedFuture(new IllegalStateException("no method " + method));
    }
    try {
      return Future.succeededFuture(m.apply(shard, params));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private long chainId(int shard) {
    return EthereumTransaction.chainIdOf(chain(shard).config().chainId(), shard);
  }

  private Blockchain chain(int shard) {
    if (!chains.has(shard)) {
      throw new EthRpcError(
          EthRpcError.INVALID_PARAMS,
          "shard " + shard + " is not held by this node (it holds " + chains.shards() + ")");
    }
    return chains.chain(shard);
  }

  // --- accounts ---

  private Object balance(int shard, JsonNode p) {
    EthParams.arity(p, 1, 2);
    return EthJson.quantity(account(shard, p).balance());
  }

  private Object transactionCount(int shard, JsonNode p) {
    EthParams.arity(p, 1, 2);
    long nonce = account(shard, p).nonce();
    if (p.size() > 1 && "pending".equals(p.get(1).asText())) {
      Address sender = EthParams.address(p, 0);
      nonce = pendingNonce(shard, sender, nonce);
    }
    return EthJson.quantity(nonce);
  }

  private long pendingNonce(int shard, Address sender, long next) {
    List<TxPool> pools = chains.pools(shard);
    if (pools.isEmpty()) {
      return next;
    }
    List<Transaction> pending = pools.get(0).pending(Integer.MAX_VALUE);
    boolean advanced = true;
    while (advanced) {
      advanced = false;
      for (Transaction tx : pending) {
        if (tx.nonce() == next && tx.sender().filter(sender::equals).isPresent()) {
          next++;
          advanced = true;
        }
      }
    }
    return next;
  }

  private Object code(int shard, JsonNode p) {
    EthParams.arity(p, 1, 2);
    account(shard, p);
    return "0x";
  }

  private Account account(int shard, JsonNode p) {
    Address address = EthParams.address(p, 0);
    Blockchain chain = chain(shard);
    StateView state =
        p.size() > 1 ? stateAt(chain, EthParams.blockNumber(p, 1, chain)) : chain.headState();
    return state.account(Bytes.of(address.toArray()));
  }

  private static StateView stateAt(Blockchain chain, long number) {
    if (number == chain.head().number()) {
      return chain.headState();
    }
    Block b =
        chain
            .block(number)
            .orElseThrow(() -> new EthRpcError(EthRpcError.SERVER_ERROR, "header not found"));
    return chain.stateAt(b.header().stateRoot());
  }

  // --- blocks ---

  private Object block(int shard, JsonNode p, boolean byNumber) {
    EthParams.arity(p, 1, 2);
    boolean full = p.size() > 1 && EthParams.bool(p, 1);
    return findBlock(shard, p, byNumber)
        .map(b -> (Object) EthJson.block(b, receipts(chain(shard), b), full))
        .orElse(null);
  }

  private Optional<Block> findBlock(int shard, JsonNode p, boolean byNumber) {
    Blockchain chain = chain(shard);
    return byNumber
        ? chain.block(EthParams.blockNumber(p, 0, chain))
        : chain.block(EthParams.hash(p, 0));
  }

  private static List<Receipt> receipts(Blockchain chain, Block b) {
    List<Receipt> out = new ArrayList<>();
    for (Transaction tx : b.body().transactions()) {
      chain.receipt(tx.hash()).ifPresent(out::add);
    }
    return out;
  }

  private Object txCount(int shard, JsonNode p, boolean byNumber) {
    EthParams.arity(p, 1, 1);
    return findBlock(shard, p, byNumber)
        .map(b -> (Object) EthJson.quantity(b.body().transactions().size()))
        .orElse(null);
  }

  // --- transactions ---

  private Object transactionByHash(int shard, JsonNode p) {
    EthParams.arity(p, 1, 1);
    Hash32 hash = EthParams.hash(p, 0);
    Blockchain chain = chain(shard);
    Optional<Blockchain.LocatedTransaction> located = chain.transaction(hash);
    if (located.isPresent()) {
      var loc = located.get().location();
      return EthJson.transaction(
          located.get().transaction(),
          Optional.of(new EthJson.Place(loc.blockHash(), loc.blockNumber(), loc.index())));
    }
    for (TxPool pool : chains.pools(shard).stream().limit(1).toList()) {
      for (Transaction tx : pool.pending(Integer.MAX_VALUE)) {
        if (tx.hash().equals(hash)) {
          return EthJson.transaction(tx, Optional.empty());
        }
      }
    }
    return null;
  }

  private Object txByIndex(int shard, JsonNode p, boolean byNumber) {
    EthParams.arity(p, 2, 2);
    long index = EthParams.quantity(p, 1, "index");
    return findBlock(shard, p, byNumber)
        .filter(b -> index < b.body().transactions().size())
        .map(
            b ->
                (Object)
                    EthJson.transaction(
                        b.body().transactions().get((int) index),
                        Optional.of(new EthJson.Place(b.hash(), b.header().number(), (int) index))))
        .orElse(null);
  }

  private Object receipt(int shard, JsonNode p) {
    EthParams.arity(p, 1, 1);
    Hash32 hash = EthParams.hash(p, 0);
    Blockchain chain = chain(shard);
    Optional<Blockchain.LocatedTransaction> located = chain.transaction(hash);
    Optional<Receipt> receipt = chain.receipt(hash);
    if (located.isEmpty() || receipt.isEmpty()) {
      return null;
    }
    var loc = located.get().location();
    Block block = chain.block(loc.blockHash()).orElseThrow();
    int firstLog = 0;
    long gas = 0;
    for (int i = 0; i <= loc.index(); i++) {
      Transaction tx = block.body().transactions().get(i);
      gas += EthJson.gasUsed(tx);
      if (i < loc.index()) {
        firstLog += chain.receipt(tx.hash()).map(r -> r.logs().size()).orElse(0);
      }
    }
    return EthJson.receipt(
        located.get().transaction(),
        receipt.get(),
        new EthJson.Place(loc.blockHash(), loc.blockNumber(), loc.index()),
        firstLog,
        gas);
  }

  private Object estimateGas(int shard, JsonNode p) {
    EthParams.arity(p, 1, 2);
    chain(shard);
    checkCall(p.get(0));
    return EthJson.quantity(EthereumTransaction.TRANSFER_GAS);
  }

  private Object ethCall(int shard, JsonNode p) {
    EthParams.arity(p, 1, 3);
    chain(shard);
    throw new EthRpcError(
        EthRpcError.SERVER_ERROR,
        "eth_call is not supported: Fugue has no contracts yet (accounts only hold balances)");
  }

  private static void checkCall(JsonNode call) {
    if (call == null || !call.isObject()) {
      throw new IllegalArgumentException("the call must be an object");
    }
    String data = call.path("data").asText(call.path("input").asText("0x"));
    if (!data.isEmpty() && !"0x".equals(data)) {
      throw new EthRpcError(
          EthRpcError.SERVER_ERROR,
          "data must be empty: contract calls are not supported (no contracts yet)");
    }
    if (!call.hasNonNull("to")) {
      throw new EthRpcError(
          EthRpcError.SERVER_ERROR, "contract creation is not supported: no contracts yet");
    }
  }

  private Object feeHistory(int shard, JsonNode p) {
    EthParams.arity(p, 2, 3);
    Blockchain chain = chain(shard);
    long count = EthParams.quantity(p, 0, "blockCount");
    if (count < 1 || count > maxBlockRange) {
      throw new IllegalArgumentException("blockCount must be in [1, " + maxBlockRange + "]");
    }
    long newest = EthParams.blockNumber(p, 1, chain);
    long oldest = Math.max(0, newest - count + 1);
    ObjectNode o = NODES.objectNode();
    o.put("oldestBlock", EthJson.quantity(oldest));
    ArrayNode base = o.putArray("baseFeePerGas");
    ArrayNode ratio = o.putArray("gasUsedRatio");
    ArrayNode reward = p.size() > 2 ? o.putArray("reward") : null;
    for (long n = oldest; n <= newest; n++) {
      base.add("0x0");
      long used =
          chain.block(n).map(b -> (long) b.body().transactions().size()).orElse(0L)
              * EthereumTransaction.TRANSFER_GAS;
      ratio.add(Math.min(1.0, used / 30_000_000.0));
      if (reward != null) {
        ArrayNode r = reward.addArray();
        p.get(2).forEach(x -> r.add(EthJson.quantity(GAS_PRICE)));
      }
    }
    base.add("0x0");
    return o;
  }

  private Object logs(int shard, JsonNode p) {
    EthParams.arity(p, 1, 1);
    Blockchain chain = chain(shard);
    EthLogFilter filter = EthLogFilter.parse(p.get(0), chain, maxBlockRange);
    ArrayNode out = NODES.arrayNode();
    for (Block b : filter.blocks(chain)) {
      int logIndex = 0;
      List<Transaction> txs = b.body().transactions();
      for (int i = 0; i < txs.size(); i++) {
        Optional<Receipt> r = chain.receipt(txs.get(i).hash());
        if (r.isEmpty()) {
          continue;
        }
        for (Receipt.Log log : r.get().logs()) {
          if (filter.matches(log)) {
            out.add(
                EthJson.log(
                    log,
                    txs.get(i).hash(),
                    new EthJson.Place(b.hash(), b.header().number(), i),
                    logIndex));
          }
          logIndex++;
        }
      }
    }
    return out;
  }

  // --- submission ---

  private Object sendRaw(int shard, JsonNode p) {
    EthParams.arity(p, 1, 1);
    Blockchain chain = chain(shard);
    Bytes raw = EthParams.bytes(p, 0, "transaction");
    Transaction tx;
    try {
      tx = Transaction.decode(raw, chain.config().limits());
    } catch (RuntimeException e) {
      throw new EthRpcError(EthRpcError.SERVER_ERROR, "invalid transaction: " + e.getMessage());
    }
    if (tx.ethereum().isEmpty()) {
      throw new EthRpcError(
          EthRpcError.SERVER_ERROR,
          "not an Ethereum-signed transaction; send Fugue transactions with"
              + " fugue_sendRawTransaction");
    }
    long signed = tx.ethereum().get().ethChainId();
    if (signed != chainId(shard)) {
      throw new EthRpcError(
          EthRpcError.SERVER_ERROR,
          "invalid chain id: the transaction is signed for chain id "
              + signed
              + ", this is shard "
              + shard
              + " with chain id "
              + chainId(shard));
    }
    var submission =
        chains
            .submission(shard)
            .orElseThrow(
                () ->
                    new EthRpcError(
                        EthRpcError.SERVER_ERROR,
                        "this node runs no consensus of shard " + shard + "; send it to one"));
    AddResult result = submission.submit(tx);
    if (result instanceof AddResult.Rejected r) {
      throw new EthRpcError(
          EthRpcError.SERVER_ERROR, r.rejection().reason() + ": " + r.rejection().detail());
    }
    String hash = EthJson.hash(tx.hash());
    pendingSubscribers.getOrDefault(shard, List.of()).forEach(c -> c.accept(hash));
    return hash;
  }
}
