package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code fugue_blockNumber([shard])}: the head height of a shard (default: the beacon chain). */
public final class BlockNumberMethod implements JsonRpcMethod {
  private final ChainBackend chain;

  public BlockNumberMethod(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "fugue_blockNumber";
  }

  @Override
  public Future<Object> call(JsonNode params, ApiRequest request) {
    RpcParams.arity(params, 0, 1);
    long shard = params.size() == 0 ? 0 : RpcParams.quantity(params, 0, "shard");
    return request
        .backend(chain::shards)
        .map(
            shards ->
                shards.stream()
                    .filter(s -> s.id() == shard)
                    .findFirst()
                    .<Object>map(s -> RpcParams.toQuantity(s.height()))
                    .orElseThrow(() -> JsonRpcException.invalidParams("no shard " + shard)));
  }
}
