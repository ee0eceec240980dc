package io.fugue.api.resource.chain;

import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.http.ProblemException;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.port.ChainBackend;
import io.vertx.core.Future;
import java.util.OptionalInt;

/**
 * {@code GET /v1/chain/accounts/{address}?shard=N}: balance and nonce on shard N (the account shard
 * when absent). A shard this node does not have is a bad request, not a missing account: every
 * address has an account (zero balance, nonce 0) on every shard.
 */
public final class GetAccountEndpoint implements Endpoint {
  /**
   * The largest shard number, as the OpenAPI contract's {@code maximum} for every shard parameter.
   */
  public static final long MAX_SHARD = io.fugue.api.ApiLimits.MAX_SHARD;

  private final ChainBackend chain;

  public GetAccountEndpoint(ChainBackend chain) {
    this.chain = chain;
  }

  @Override
  public String operationId() {
    return "getAccount";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    AccountAddress address = AccountAddress.fromHex(request.path("address"));
    OptionalInt shard =
        request
            .queryLong("shard", MAX_SHARD)
            .map(s -> OptionalInt.of(s.intValue()))
            .orElse(OptionalInt.empty());
    return request
        .backend(() -> chain.account(address, shard))
        .map(
            o ->
                o.orElseThrow(
                    () ->
                        ProblemException.badRequest(
                            "no shard " + shard.orElse(-1) + " on this node", null)));
  }
}
