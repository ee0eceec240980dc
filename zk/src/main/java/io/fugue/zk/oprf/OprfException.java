package io.fugue.zk.oprf;

import io.fugue.zk.ZkException;

/** A refused OPRF operation: malformed input, a proof that fails, too few valid node answers. */
public class OprfException extends ZkException {
  private static final long serialVersionUID = 1L;

  public OprfException(String message) {
    super(message);
  }

  public OprfException(String message, Throwable cause) {
    super(message, cause);
  }
}
