package io.fugue.api.rpc;

import io.fugue.api.ApiException;

/** A JSON-RPC error object to send back: one of the codes of the spec or a Fugue code. */
public final class JsonRpcException extends ApiException {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** The backend refused the call (e.g. an invalid transaction). */
  public static final int REJECTED = -32000;

  private final int code;

  public JsonRpcException(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static JsonRpcException invalidParams(String message) {
    return new JsonRpcException(INVALID_PARAMS, "Invalid params: " + message);
  }
}
