package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code fugue_getBlockByNumber(shard, number)}: the block, or null when there is none. */
public final class GetBlockByNumberMethod implements JsonRpcMethod {
  private final ChainBackend chain;

  public GetBlockByNumberMethod(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "fugue_getBlockByNumber";
  }

  @Override
  public Future<Object> call(JsonNode params, ApiRequest request) {
    RpcParams.arity(params, 2, 2);
    int shard = Math.toIntExact(RpcParams.quantity(params, 0, "shard"));
    long number = RpcParams.quantity(params, 1, "number");
    return request.backend(() -> chain.blockByNumber(shard, number)).map(b -> b.orElse(null));
  }
}
