package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.math.BigInteger;

/**
 * Builds and signs a transfer transaction in the chain's encoding; implemented by the chain. The
 * transaction is sent from {@code shard} (where {@code from}'s balance and nonce are) to {@code
 * toShard}.
 */
@FunctionalInterface
public interface TransferSigner {
  HexBytes signTransfer(
      AccountAddress from,
      AccountAddress to,
      BigInteger amount,
      long nonce,
      int shard,
      int toShard);
}
