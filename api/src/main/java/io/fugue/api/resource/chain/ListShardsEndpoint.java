package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.model.ShardList;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code GET /v1/chain/shards}: every shard and its head. */
public final class ListShardsEndpoint implements Endpoint {
  private final ChainBackend chain;

  public ListShardsEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "listShards";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(chain::shards).map(ShardList::new);
  }
}
