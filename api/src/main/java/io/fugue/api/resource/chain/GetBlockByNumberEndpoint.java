package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code GET /v1/chain/shards/{shard}/blocks/{number}}. */
public final class GetBlockByNumberEndpoint implements Endpoint {
  private final ChainBackend chain;

  public GetBlockByNumberEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "getBlockByNumber";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    int shard = (int) request.pathLong("shard", GetAccountEndpoint.MAX_SHARD);
    long number = request.pathLong("number", Long.MAX_VALUE);
    return request.found(() -> chain.blockByNumber(shard, number), "block " + number);
  }
}
