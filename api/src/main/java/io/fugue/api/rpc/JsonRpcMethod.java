package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.http.ApiRequest;
import io.vertx.core.Future;

/** One JSON-RPC method. Bad params fail with {@link JsonRpcException#invalidParams}. */
public interface JsonRpcMethod {
  String name();

  /**
   * @param params the positional parameters (an empty array when absent)
   * @return the result, any value Jackson can write (null is a valid result)
   */
  Future<Object> call(JsonNode params, ApiRequest request);
}
