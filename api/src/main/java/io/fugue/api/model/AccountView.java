package io.fugue.api.model;

import java.math.BigInteger;
import java.util.Objects;

/** An account's balance (base units, a decimal string on the wire) and next nonce. */
public record AccountView(AccountAddress address, int shard, String balance, long nonce) {
  public AccountView {
    Objects.requireNonNull(address, "address");
    if (new BigInteger(balance).signum() < 0) {
      throw new IllegalArgumentException("balance is negative");
    }
  }
}
