package io.fugue.api.port;

import java.util.Objects;

/**
 * The result of a backend call that the caller's request can legitimately fail: either a value or
 * an expected rejection, which the API renders as a problem document with the reason's status.
 */
public sealed interface Outcome<T> {

  /** Why a request was refused; each maps to one HTTP status. */
  enum Reason {
    NOT_FOUND(404),
    FORBIDDEN(403),
    CONFLICT(409),
    INVALID(422);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  record Done<T>(T value) implements Outcome<T> {
    public Done {
      Objects.requireNonNull(value, "value");
    }
  }

  record Rejected<T>(Reason reason, String detail) implements Outcome<T> {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  static <T> Outcome<T> done(T value) {
    return new Done<>(value);
  }

  static <T> Outcome<T> rejected(Reason reason, String detail) {
    return new Rejected<>(reason, detail);
  }
}
