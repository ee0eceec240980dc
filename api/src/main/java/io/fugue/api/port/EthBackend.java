package io.fugue.api.port;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Ethereum JSON-RPC namespace ({@code eth_}, {@code net_}, {@code web3_}) of one node, per
 * shard: each shard is its own Ethereum chain. Results are the values Ethereum's JSON-RPC returns
 * (hex quantities, {@code null} for unknown); see docs/api.md, "Ethereum JSON-RPC".
 */
public interface EthBackend {
  /** The method names served. */
  Set<String> methods();

  /**
   * Runs one call. Fails with {@link EthRpcError} for an error the caller should see with its code,
   * or {@link IllegalArgumentException} for bad parameters (-32602).
   */
  Future<Object> call(int shard, String method, JsonNode params);

  /**
   * Subscribes {@code sink} to {@code newHeads}, {@code logs} (params[1] a filter of addresses and
   * topics) or {@code newPendingTransactions} (hashes of transactions submitted through this node)
   * of {@code shard}. The sink is called from chain threads and must not block. Bad params are an
   * {@link IllegalArgumentException}.
   *
   * @return closes the subscription
   */
  AutoCloseable subscribe(int shard, JsonNode params, Consumer<Object> sink);
}
