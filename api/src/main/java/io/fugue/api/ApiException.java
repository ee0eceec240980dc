package io.fugue.api;

/** The root of every exception thrown by the {@code api} module. */
public class ApiException extends RuntimeException {
  public ApiException(String message) {
    super(message);
  }

  public ApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
