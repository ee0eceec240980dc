package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.port.ChainBackend;
import io.fugue.api.port.Outcome;
import io.vertx.core.Future;

/** {@code fugue_sendRawTransaction(hex)}: pools a signed transaction and returns its hash. */
public final class SendRawTransactionMethod implements JsonRpcMethod {
  private final ChainBackend chain;

  public SendRawTransactionMethod(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "fugue_sendRawTransaction";
  }

  @Override
  public Future<Object> call(JsonNode params, ApiRequest request) {
    RpcParams.arity(params, 1, 1);
    HexBytes raw = RpcParams.hex(params, 0, "transaction");
    if (raw.size() == 0) {
      throw JsonRpcException.invalidParams("transaction is empty");
    }
    return request
        .backend(() -> chain.submitTransaction(raw))
        .map(
            outcome -> {
              if (outcome instanceof Outcome.Done<?> done) {
                return done.value().toString();
              }
              throw new JsonRpcException(
                  JsonRpcException.REJECTED,
                  "transaction rejected: " + ((Outcome.Rejected<?>) outcome).detail());
            });
  }
}
