package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AccountView;
import io.fugue.api.model.BlockView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.NodeInfo;
import io.fugue.api.model.ShardInfo;
import io.fugue.api.model.TransactionView;
import io.fugue.api.port.ChainBackend;
import io.fugue.api.port.Outcome;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.Account;
import io.fugue.chain.txpool.AddResult;
import io.fugue.chain.txpool.TxPool;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * {@link ChainBackend} over the shard chains and their pools. Reads block on RocksDB, which is fine:
 * the API calls ports from its worker pool. A submitted transaction is decoded with the chain's
 * limits, judged by the first pool of its shard (the answer the caller gets) and then offered to
 * the shard's other co-located pools. Accounts are read on the account shard (shard 1 when there is
 * one), where transfers and attestations live.
 */
public final class LedgerChainBackend implements ChainBackend {
  private static final int RECENT = 4096;

  private final ShardChains chains;
  private final IntSupplier peers;
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
  }

  @Override
  public Future<List<ShardInfo>> shards() {
    return call(() -> IntStream.range(0, chains.count()).mapToObj(s -> {
      BlockHeader head = chains.chain(s).head();
      return new ShardInfo(s, s == 0 ? "beacon" : "shard", head.number(), Convert.digest(head.hash()));
    }).toList());
  }

  @Override
  public Future<Optional<BlockView>> blockByNumber(int shard, long number) {
    return call(() -> chains.has(shard) && number >= 0
        ? chains.chain(shard).block(number).map(LedgerChainBackend::view) : Optional.empty());
  }

  @Override
  public Future<Optional<BlockView>> blockByHash(int shard, Digest hash) {
    return call(() -> chains.has(shard)
        ? chains.chain(shard).block(Convert.hash(hash)).map(LedgerChainBackend::view) : Optional.empty());
  }

  @Override
  public Future<Optional<TransactionView>> transaction(Digest hash) {
    return call(() -> find(Convert.hash(hash)));
  }

  @Override
  public Future<Optional<AccountView>> account(AccountAddress address, OptionalInt shard) {
    return call(() -> account(address, shard.orElse(accountShard())));
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
    return call(() -> new NodeInfo("0.1.0",
        IntStream.range(0, chains.count()).boxed().toList(), peers.getAsInt()));
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
    if (!chains.has(shard)) {
      return Outcome.rejected(Outcome.Reason.INVALID, "no shard " + shard + " on this node");
    }
    List<TxPool> pools = chains.pools(shard);
    AddResult first = pools.get(0).add(tx);
    if (first instanceof AddResult.Rejected r) {
      return Outcome.rejected(Outcome.Reason.INVALID, "rejected: " + r.rejection());
    }
    for (TxPool other : pools.subList(1, pools.size())) {
      other.add(tx);
    }
    synchronized (submitted) {
      submitted.put(tx.hash(), tx);
    }
    return Outcome.done(Convert.digest(tx.hash()));
  }

  private Optional<TransactionView> find(Hash32 hash) {
    for (int s = 0; s < chains.count(); s++) {
      Blockchain chain = chains.chain(s);
      Optional<Blockchain.LocatedTransaction> located = chain.transaction(hash);
      if (located.isPresent()) {
        Transaction tx = located.get().transaction();
        boolean ok = chain.receipt(hash).map(r -> r.status() == Receipt.Status.SUCCESS).orElse(true);
        return Optional.of(new TransactionView(Convert.digest(hash), s,
            located.get().location().blockNumber(), ok ? "included" : "failed",
            tx.sender().map(Convert::address).orElse(null), Convert.hex(tx.encode())));
      }
    }
    Transaction pending;
    synchronized (submitted) {
      pending = submitted.get(hash);
    }
    if (pending == null || !chains.pools(pending.shardId().value()).get(0).contains(hash)) {
      return Optional.empty();
    }
    return Optional.of(new TransactionView(Convert.digest(hash), pending.shardId().value(), null,
        "pending", pending.sender().map(Convert::address).orElse(null), Convert.hex(pending.encode())));
  }

  private int accountShard() {
    return chains.count() > 1 ? 1 : 0;
  }

  static BlockView view(Block b) {
    BlockHeader h = b.header();
    List<Digest> txs = new ArrayList<>();
    b.body().transactions().forEach(t -> txs.add(Convert.digest(t.hash())));
    return new BlockView(h.shardId().value(), h.number(), Convert.digest(h.hash()),
        Convert.digest(h.parentHash()), Convert.digest(h.stateRoot()), Convert.seconds(h.timestamp()), txs);
  }

  static <T> Future<T> call(java.util.concurrent.Callable<T> work) {
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}
