package io.fugue.chain.genesis;

import io.fugue.chain.primitives.ChainException;

/** A genesis file that cannot be used: the message names the field (a JSON path) and the defect. */
public class GenesisException extends ChainException {
  public GenesisException(String message) {
    super(message);
  }

  public GenesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
