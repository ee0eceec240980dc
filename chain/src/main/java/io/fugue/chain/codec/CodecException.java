package io.fugue.chain.codec;

import io.fugue.chain.primitives.ChainException;

/** Bytes that are not the canonical encoding of what was expected, or that exceed a limit. */
public class CodecException extends ChainException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
