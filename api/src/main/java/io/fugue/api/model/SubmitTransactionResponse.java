package io.fugue.api.model;

import java.util.Objects;

/** The hash under which an accepted transaction can be looked up. */
public record SubmitTransactionResponse(Digest hash) {
  public SubmitTransactionResponse {
    Objects.requireNonNull(hash, "hash");
  }
}
