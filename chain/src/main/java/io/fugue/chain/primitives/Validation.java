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
  // No default methods here: with one, initialising Accept would first initialise this interface,
  // whose ACCEPT constant needs Accept initialised — two threads could deadlock (JLS 12.4.2).
  // Each record implements the methods instead.

  /** The single accepted outcome. */
  Accept ACCEPT = new Accept();

  /** The input is valid. */
  record Accept() implements Validation {
    @Override
    public boolean isAccepted() {
      return true;
    }

    @Override
    public String reason() {
      return "";
    }

    @Override
    public Validation andThen(Supplier<Validation> next) {
      return next.get();
    }
  }

  /** The input is not acted on now (duplicate, too early, deferred), but is not proven bad. */
  record Ignore(String reason) implements Validation {
    public Ignore {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isAccepted() {
      return false;
    }

    @Override
    public Validation andThen(Supplier<Validation> next) {
      return this;
    }
  }

  /** The input is invalid; whoever sent it sent something wrong. */
  record Reject(String reason) implements Validation {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isAccepted() {
      return false;
    }

    @Override
    public Validation andThen(Supplier<Validation> next) {
      return this;
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

  boolean isAccepted();

  /** The reason of an ignore or reject; empty text for an accept. */
  String reason();

  /** This outcome if it is not an accept, else the next check's outcome (checks in order). */
  Validation andThen(Supplier<Validation> next);
}
