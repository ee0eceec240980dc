package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import io.fugue.api.port.SignatureVerifier;
import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;

/**
 * Login signatures: a 65-byte recoverable secp256k1 signature {@code r ‖ s ‖ v} (v in {0, 1}, low
 * s) over keccak-256 of the message's bytes; valid when the recovered key's address is the claimed
 * one. Malformed signatures are false, never an exception.
 */
public final class Secp256k1SignatureVerifier implements SignatureVerifier {
  /** The digest an account key signs for {@code message}. */
  public static Hash32 digest(byte[] message) {
    return Hashing.keccak256(message);
  }

  @Override
  public boolean verify(AccountAddress address, byte[] message, HexBytes signature) {
    Secp256k1Signature sig;
    try {
      sig = Secp256k1Signature.fromBytes(Bytes.of(signature.toArray()));
    } catch (RuntimeException e) {
      return false;
    }
    return Secp256k1.recoverAddress(digest(message), sig)
        .map(a -> a.equals(Convert.address(address)))
        .orElse(false);
  }
}
