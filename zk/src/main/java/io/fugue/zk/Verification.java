package io.fugue.zk;

/** The verifier's answer: {@link Valid}, or {@link Invalid} with the reason. */
public sealed interface Verification {
  // No default methods: with one, initialising Valid would first initialise this interface, whose
  // VALID constant needs Valid initialised — two threads could deadlock (JLS 12.4.2).

  /** The proof is valid for the statement and context. */
  record Valid() implements Verification {
    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public void orThrow() {}
  }

  /** The proof is not valid; {@code reason} says why (never secret material). */
  record Invalid(String reason) implements Verification {
    public Invalid {
      if (reason == null || reason.isEmpty()) {
        throw new ZkException("an invalid verification needs a reason");
      }
    }

    @Override
    public boolean isValid() {
      return false;
    }

    @Override
    public void orThrow() {
      throw new ZkException("invalid range proof: " + reason);
    }
  }

  Valid VALID = new Valid();

  static Verification invalid(String reason) {
    return new Invalid(reason);
  }

  boolean isValid();

  /** Throws {@link ZkException} with the reason unless the proof is valid. */
  void orThrow();
}
