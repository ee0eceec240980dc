package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;
import java.math.BigInteger;
import java.util.OptionalInt;

/** {@code fugue_getBalance(address)}: the balance as a hex quantity; 0x0 for an unknown account. */
public final class GetBalanceMethod implements JsonRpcMethod {
  private final ChainBackend chain;

  public GetBalanceMethod(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "fugue_getBalance";
  }

  @Override
  public Future<Object> call(JsonNode params, ApiRequest request) {
    RpcParams.arity(params, 1, 1);
    AccountAddress address = RpcParams.address(params, 0);
    return request
        .backend(() -> chain.account(address, OptionalInt.empty()))
        .map(
            a ->
                "0x"
                    + a.map(v -> new BigInteger(v.balance())).orElse(BigInteger.ZERO).toString(16));
  }
}
