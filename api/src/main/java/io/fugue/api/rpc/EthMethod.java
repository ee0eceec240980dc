package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.port.EthBackend;
import io.vertx.core.Future;

/** One call of the Ethereum namespace, run on the API's worker pool against one shard. */
final class EthMethod implements JsonRpcMethod {
  private final EthBackend backend;
  private final String name;
  private final int shard;

  EthMethod(EthBackend backend, String name, int shard) {
    this.backend = backend;
    this.name = name;
    this.shard = shard;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Future<Object> call(JsonNode params, ApiRequest request) {
    return request.backend(() -> backend.call(shard, name, params));
  }
}
