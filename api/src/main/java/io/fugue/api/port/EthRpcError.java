package io.fugue.api.port;

/** A JSON-RPC error of the Ethereum namespace: a standard code and a message a wallet can show. */
public final class EthRpcError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Invalid parameters. */
  public static final int INVALID_PARAMS = -32602;

  /** The conventional code of execution and submission errors (EIP-1474 "invalid input"). */
  public static final int SERVER_ERROR = -32000;

  /** EIP-1474 "method not supported". */
  public static final int NOT_SUPPORTED = -32004;

  /** EIP-1474 "limit exceeded". */
  public static final int LIMIT_EXCEEDED = -32005;

  private final int code;

  public EthRpcError(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
