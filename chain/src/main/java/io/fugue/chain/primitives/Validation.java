package io.fugue.chain.primitives;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The outcome of checking untrusted input (a transaction, a block, a gossip message): accept it,
 * ignore it for now without penalty (not yet valid, a duplicate, deferred), or reject it as
 * invalid. Expected rejections are values, not exceptions; every non-accept carries a reason a
 * person can read.
 */
public sealed interface Validation permits Validation.Accept, Validation.Ignore, Validation.Reject {
  /** The single accepted outcome. */
  Accept ACCEPT = new Accept();

  /** The input is valid. */
  record Accept() implements Validation {}

  /** The input is not acted on now (duplicate, too early, deferred), but is not proven bad. */
  record Ignore(String reason) implements Validation {
    public Ignore {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The input is invalid; whoever sent it sent something wrong. */
  record Reject(String reason) implements Validation {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static Validation accept() {
    return ACCEPT;
  }

  static Validation ignore(String reason) {
    return new Ignore(reason);
  }

  static Validation reject(String reason) {
    return new Reject(reason);
  }

  default boolean isAccepted() {
    return this instanceof Accept;
  }

  /** The reason of an ignore or reject; empty text for an accept. */
  default String reason() {
    if (this instanceof Ignore i) {
      return i.reason();
    }
    if (this instanceof Reject r) {
      return r.reason();
    }
    return "";
  }

  /** This outcome if it is not an accept, else the next check's outcome (checks in order). */
  default Validation andThen(Supplier<Validation> next) {
    return isAccepted() ? next.get() : this;
  }
}
