package io.fugue.chain.primitives;

/**
 * Root of every exception thrown by the {@code chain} module. Unchecked; subclasses say which layer
 * rejected the input (codec, crypto, ...), and the cause is always chained.
 */
public class ChainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChainException(String message) {
    super(message);
  }

  public ChainException(String message, Throwable cause) {
    super(message, cause);
  }
}
