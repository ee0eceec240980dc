package io.fugue.api.model;

import java.util.Objects;

/** Body of {@code POST /v1/chain/transactions}: a signed transaction in the chain's encoding. */
public record SubmitTransactionRequest(HexBytes rawTransaction) {
  public SubmitTransactionRequest {
    Objects.requireNonNull(rawTransaction, "rawTransaction");
  }
}
