package io.fugue.datasharing;

/**
 * The root of every failure in {@code io.fugue.datasharing}: malformed transaction bodies or
 * records, refused requests (unknown query, bad consent signature, tampered ciphertext) and
 * failures of the layers below (chained as the cause). Messages say what was wrong and never
 * contain an attribute value, a blinding factor or key material.
 */
public class DataSharingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataSharingException(String message) {
    super(message);
  }

  public DataSharingException(String message, Throwable cause) {
    super(message, cause);
  }
}
