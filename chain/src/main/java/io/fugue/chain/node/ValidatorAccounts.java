package io.fugue.chain.node;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The account a validator's rewards are credited to. Until staking binds a BLS key to an account
 * that registered it, the account is derived from the key: the last 20 bytes of {@code
 * keccak256("fugue-validator-account" ‖ key)}. Such an account has no secp256k1 key, so its balance
 * cannot be spent before staking lets the operator claim it.
 */
public final class ValidatorAccounts {
  private static final Bytes TAG =
      Bytes.of("fugue-validator-account".getBytes(StandardCharsets.US_ASCII));

  private ValidatorAccounts() {}

  public static Address of(ValidatorKey key) {
    Bytes h = Hashing.keccak256(TAG, key.bytes()).toBytes();
    return Address.of(h.slice(12, 20));
  }
}
