package io.fugue.nativelib;

/** Thrown by every native call that fails: bad input, refused cryptography, or a caught panic. */
public class NativeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NativeException(String message) {
    super(message);
  }

  public NativeException(String message, Throwable cause) {
    super(message, cause);
  }
}
