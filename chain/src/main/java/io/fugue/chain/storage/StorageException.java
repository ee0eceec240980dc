package io.fugue.chain.storage;

/** The root of every failure raised by the storage layer (I/O, corruption, a wrong schema). */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
