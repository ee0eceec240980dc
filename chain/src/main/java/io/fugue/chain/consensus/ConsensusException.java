package io.fugue.chain.consensus;

import io.fugue.chain.primitives.ChainException;

/** A consensus invariant cannot hold, e.g. the stored safety record is corrupt. */
public class ConsensusException extends ChainException {
  private static final long serialVersionUID = 1L;

  public ConsensusException(String message) {
    super(message);
  }

  public ConsensusException(String message, Throwable cause) {
    super(message, cause);
  }
}
