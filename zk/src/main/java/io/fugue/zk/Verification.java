package io.fugue.zk;

/** The verifier's answer: {@link Valid}, or {@link Invalid} with the reason. */
public sealed interface Verification {
  /** The proof is valid for the statement and context. */
  record Valid() implements Verification {}

  /** The proof is not valid; {@code reason} says why (never secret material). */
  record Invalid(String reason) implements Verification {
    public Invalid {
      if (reason == null || reason.isEmpty()) {
        throw new ZkException("an invalid verification needs a reason");
      }
    }
  }

  Valid VALID = new Valid();

  static Verification invalid(String reason) {
    return new Invalid(reason);
  }

  default boolean isValid() {
    return this instanceof Valid;
  }

  /** Throws {@link ZkException} with the reason unless the proof is valid. */
  default void orThrow() {
    if (this instanceof Invalid i) {
      throw new ZkException("invalid range proof: " + i.reason());
    }
  }
}
