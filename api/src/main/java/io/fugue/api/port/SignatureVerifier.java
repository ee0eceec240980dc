package io.fugue.api.port;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;

/**
 * Checks that {@code signature} over {@code message} was made by the key of {@code address}
 * (secp256k1 recovery in the real node). Pure and synchronous; the API calls it from a worker
 * thread. Must return false, never throw, for malformed signatures.
 */
@FunctionalInterface
public interface SignatureVerifier {
  boolean verify(AccountAddress address, byte[] message, HexBytes signature);
}
