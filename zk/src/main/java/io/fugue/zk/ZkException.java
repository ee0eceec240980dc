package io.fugue.zk;

/**
 * The root of every failure in {@code io.fugue.zk}: malformed input (wrong lengths, non-canonical
 * encodings, bad bit sizes or value counts), a prover's refusal to prove a false predicate, and
 * native failures (chained as the cause). Messages say what was wrong and never contain a value or
 * a blinding.
 */
public class ZkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ZkException(String message) {
    super(message);
  }

  public ZkException(String message, Throwable cause) {
    super(message, cause);
  }
}
