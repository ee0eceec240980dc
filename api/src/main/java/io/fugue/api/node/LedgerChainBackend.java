package io.fugue.api.node;

import io.fugue.api.http.ProblemException;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AccountView;
import io.fugue.api.model.BlockView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.NodeInfo;
import io.fugue.api.model.ShardInfo;
import io.fugue.api.model.TransactionView;
import io.fugue.api.port.ChainBackend;
import io.fugue.api.port.EthBackend;
import io.fugue.api.port.Outcome;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.Account;
import io.fugue.chain.txpool.AddResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

/**
 * {@link ChainBackend} over the shard chains this node holds. Reads block on RocksDB, which is
 * fine: the API calls ports from its worker pool. A submitted transaction is decoded with the
 * chain's limits and handed to its shard's {@link ShardChains.Submission} (whose answer the caller
 * gets). Accounts are read on the account shard (the lowest shard held other than the beacon
 * chain), where transfers and attestations live. A request naming a shard not held is a 404 naming
 * those held.
 */
public final class LedgerChainBackend implements ChainBackend {
  private static final int RECENT = 4096;

  private final ShardChains chains;
  private final IntSupplier peers;
  private final LedgerEthBackend ethereum;
  private final Map<Hash32, Transaction> submitted =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash32, Transaction> eldest) {
          return size() > RECENT;
        }
      };

  public LedgerChainBackend(ShardChains chains, IntSupplier peers) {
    this.chains = chains;
    this.peers = peers;
    this.ethereum = new LedgerEthBackend(chains, peers);
  }

  @Override
  public Optional<EthBackend> ethereum() {
    return Optional.of(ethereum);
  }

  @Override
  public Future<List<ShardInfo>> shards() {
    return call(
        () ->
            chains.shards().stream()
                .map(
                    s -> {
                      BlockHeader head = chains.chain(s).head();
                      return new ShardInfo(
                          s,
                          s == 0 ? "beacon" : "shard",
                          head.number(),
                          Convert.digest(head.hash()));
                    })
                .toList());
  }

  @Override
  public Future<Optional<BlockView>> blockByNumber(int shard, long number) {
    if (!chains.has(shard)) {
      return notHeld(shard);
    }
    return call(
        () ->
            number >= 0
                ? chains.chain(shard).block(number).map(LedgerChainBackend::view)
                : Optional.empty());
  }

  @Override
  public Future<Optional<BlockView>> blockByHash(int shard, Digest hash) {
    if (!chains.has(shard)) {
      return notHeld(shard);
    }
    return call(() -> chains.chain(shard).block(Convert.hash(hash)).map(LedgerChainBackend::view));
  }

  /**
   * A shard this node does not hold: a 404 problem naming the shards it does, so a client knows to
   * ask a node of that shard rather than conclude the block does not exist.
   */
  private <T> Future<T> notHeld(int shard) {
    return Future.failedFuture(
        ProblemException.of(404, "shard-not-held", "Shard not held here", notHeldDetail(shard)));
  }

  private String notHeldDetail(int shard) {
    return "no shard "
        + shard
        + " on this node: it holds shard(s) "
        + chains.shards()
        + ", not shard "
        + shard
        + "; ask a node of shard "
        + shard;
  }

  @Override
  public Future<Optional<TransactionView>> transaction(Digest hash) {
    return call(() -> find(Convert.hash(hash)));
  }

  @Override
  public Future<Optional<AccountView>> account(AccountAddress address, OptionalInt shard) {
    int s = shard.orElse(accountShard());
    if (!chains.has(s)) {
      // 400, as the account endpoint has always answered a shard it cannot read, now naming those
      // it can.
      return Future.failedFuture(ProblemException.badRequest(notHeldDetail(s), null));
    }
    return call(() -> account(address, s));
  }

  /** The account on {@code shard}: balances and nonces are per shard. */
  public Optional<AccountView> account(AccountAddress address, int shard) {
    if (!chains.has(shard)) {
      return Optional.empty();
    }
    Account a = chains.chain(shard).headState().account(Convert.address(address).toBytes());
    return Optional.of(new AccountView(address, shard, a.balance().toString(), a.nonce()));
  }

  @Override
  public Future<Outcome<Digest>> submitTransaction(HexBytes rawTransaction) {
    return call(() -> submit(rawTransaction));
  }

  @Override
  public Future<NodeInfo> nodeInfo() {
    return call(() -> new NodeInfo("0.1.0", chains.shards(), peers.getAsInt()));
  }

  /** Decodes and pools; every defect of the bytes is a rejection, never an exception. */
  Outcome<Digest> submit(HexBytes raw) {
    Transaction tx;
    try {
      tx = Transaction.decode(Convert.bytes(raw), chains.beacon().config().limits());
    } catch (RuntimeException e) {
      return Outcome.rejected(Outcome.Reason.INVALID, "not a transaction: " + e.getMessage());
    }
    int shard = tx.shardId().value();
    Optional<ShardChains.Submission> submission = chains.submission(shard);
    if (submission.isEmpty()) {
      return Outcome.rejected(
          Outcome.Reason.INVALID,
          "this node runs no consensus of shard "
              + shard
              + " (it runs shard(s) "
              + chains.shards().stream().filter(s -> chains.submission(s).isPresent()).toList()
              + "); submit the transaction to a node of shard "
              + shard);
    }
    AddResult first = submission.get().submit(tx);
    if (first instanceof AddResult.Rejected r) {
      return Outcome.rejected(Outcome.Reason.INVALID, "rejected: " + r.rejection());
    }
    synchronized (submitted) {
      submitted.put(tx.hash(), tx);
    }
    return Outcome.done(Convert.digest(tx.hash()));
  }

  private Optional<TransactionView> find(Hash32 hash) {
    for (int s : chains.shards()) {
      Blockchain chain = chains.chain(s);
      Optional<Blockchain.LocatedTransaction> located = chain.transaction(hash);
      if (located.isPresent()) {
        Transaction tx = located.get().transaction();
        boolean ok =
            chain.receipt(hash).map(r -> r.status() == Receipt.Status.SUCCESS).orElse(true);
        return Optional.of(
            new TransactionView(
                Convert.digest(hash),
                s,
                located.get().location().blockNumber(),
                ok ? "included" : "failed",
                tx.sender().map(Convert::address).orElse(null),
                Convert.hex(tx.encode())));
      }
    }
    Transaction pending;
    synchronized (submitted) {
      pending = submitted.get(hash);
    }
    if (pending == null
        || !chains.submission(pending.shardId().value()).map(p -> p.pending(hash)).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(
        new TransactionView(
            Convert.digest(hash),
            pending.shardId().value(),
            null,
            "pending",
            pending.sender().map(Convert::address).orElse(null),
            Convert.hex(pending.encode())));
  }

  private int accountShard() {
    return chains.dataShards().stream().findFirst().orElse(0);
  }

  static BlockView view(Block b) {
    BlockHeader h = b.header();
    List<Digest> txs = new ArrayList<>();
    b.body().transactions().forEach(t -> txs.add(Convert.digest(t.hash())));
    return new BlockView(
        h.shardId().value(),
        h.number(),
        Convert.digest(h.hash()),
        Convert.digest(h.parentHash()),
        Convert.digest(h.stateRoot()),
        Convert.seconds(h.timestamp()),
        txs);
  }

  static <T> Future<T> call(java.util.concurrent.Callable<T> work) {
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}
