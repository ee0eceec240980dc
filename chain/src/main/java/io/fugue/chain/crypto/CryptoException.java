package io.fugue.chain.crypto;

import io.fugue.chain.primitives.ChainException;

/** A key, signature or key file was malformed, invalid or could not be opened. */
public class CryptoException extends ChainException {
  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
