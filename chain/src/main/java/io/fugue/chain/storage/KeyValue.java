package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.util.Objects;

/** One entry returned by a range scan. */
public record KeyValue(Bytes key, Bytes value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
