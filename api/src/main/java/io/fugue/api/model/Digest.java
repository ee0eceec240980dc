package io.fugue.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A 32-byte hash or identifier (block hash, transaction hash, attestation or query id). */
public record Digest(HexBytes bytes) {
  public static final int SIZE = 32;

  public Digest {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a digest has 32 bytes, got " + bytes.size());
    }
  }

  @JsonCreator
  public static Digest fromHex(String hex) {
    return new Digest(HexBytes.fromHex(hex));
  }

  @JsonValue
  public String toHex() {
    return bytes.toHex();
  }

  @Override
  public String toString() {
    return toHex();
  }
}
