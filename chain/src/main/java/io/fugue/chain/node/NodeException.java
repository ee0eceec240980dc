package io.fugue.chain.node;

import io.fugue.chain.primitives.ChainException;

/** A node could not be configured, started or run. */
public class NodeException extends ChainException {
  private static final long serialVersionUID = 1L;

  public NodeException(String message) {
    super(message);
  }

  public NodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
