package io.fugue.api.resource.node;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;

/** {@code GET /v1/node}: operator view of this node. */
public final class GetNodeInfoEndpoint implements Endpoint {
  private final ChainBackend chain;

  public GetNodeInfoEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "getNodeInfo";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    return request.backend(chain::nodeInfo);
  }
}
