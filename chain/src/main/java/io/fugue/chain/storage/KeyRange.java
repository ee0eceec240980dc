package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.util.Objects;
import java.util.Optional;

/**
 * A half-open range of keys {@code [from, to)} in unsigned byte order; an absent {@code to} means
 * "to the end of the column".
 */
public record KeyRange(Bytes from, Optional<Bytes> to) {
  public KeyRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isPresent() && to.get().compareTo(from) < 0) {
      throw new IllegalArgumentException("range end " + to.get() + " is before its start " + from);
    }
  }

  /** Every key of the column. */
  public static KeyRange all() {
    return new KeyRange(Bytes.EMPTY, Optional.empty());
  }

  /** Keys {@code from <= k < to}. */
  public static KeyRange between(Bytes from, Bytes to) {
    return new KeyRange(from, Optional.of(to));
  }

  /** Every key that starts with {@code prefix}. */
  public static KeyRange prefix(Bytes prefix) {
    return new KeyRange(prefix, Keys.prefixEnd(prefix));
  }

  public boolean contains(Bytes key) {
    return key.compareTo(from) >= 0 && (to.isEmpty() || key.compareTo(to.get()) < 0);
  }
}
