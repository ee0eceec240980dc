package io.fugue.chain.p2p;

/** The root of every failure raised by the p2p layer; the cause is always chained. */
public class P2pException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public P2pException(String message) {
    super(message);
  }

  public P2pException(String message, Throwable cause) {
    super(message, cause);
  }
}
