package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.math.BigInteger;

/** Builds and signs a transfer transaction in the chain's encoding; implemented by the chain. */
@FunctionalInterface
public interface TransferSigner {
  HexBytes signTransfer(AccountAddress from, AccountAddress to, BigInteger amount, long nonce);
}
