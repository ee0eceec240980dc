package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.Digest;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code GET /v1/chain/shards/{shard}/blocks/by-hash/{hash}}. */
public final class GetBlockByHashEndpoint implements Endpoint {
  private final ChainBackend chain;

  public GetBlockByHashEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "getBlockByHash";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    int shard = (int) request.pathLong("shard", GetAccountEndpoint.MAX_SHARD);
    Digest hash = Digest.fromHex(request.path("hash"));
    return request.found(() -> chain.blockByHash(shard, hash), "block " + hash);
  }
}
