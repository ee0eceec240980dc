package io.fugue.api.port;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AccountView;
import io.fugue.api.model.BlockView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.NodeInfo;
import io.fugue.api.model.ShardInfo;
import io.fugue.api.model.TransactionView;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Chain reads and transaction submission, implemented by the node over storage, the txpool and the
 * shard chains. The API calls every method from a worker thread, so an implementation may block
 * (RocksDB) before returning its future.
 */
public interface ChainBackend {
  Future<List<ShardInfo>> shards();

  Future<Optional<BlockView>> blockByNumber(int shard, long number);

  Future<Optional<BlockView>> blockByHash(int shard, Digest hash);

  Future<Optional<TransactionView>> transaction(Digest hash);

  /**
   * The account on {@code shard} (balances and nonces are per shard), or on the account shard when
   * none is given; empty only when this node has no such shard.
   */
  Future<Optional<AccountView>> account(AccountAddress address, OptionalInt shard);

  /** Decodes, validates and pools a signed transaction; a bad one is {@code Rejected(INVALID)}. */
  Future<Outcome<Digest>> submitTransaction(HexBytes rawTransaction);

  Future<NodeInfo> nodeInfo();

  /** The Ethereum JSON-RPC namespace, when this backend offers one. */
  default Optional<EthBackend> ethereum() {
    return Optional.empty();
  }
}
