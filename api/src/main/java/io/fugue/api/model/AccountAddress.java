package io.fugue.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A 20-byte account address, written as {@code 0x} and 40 lower-case hex digits. */
public record AccountAddress(HexBytes bytes) {
  public static final int SIZE = 20;

  public AccountAddress {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.size());
    }
  }

  @JsonCreator
  public static AccountAddress fromHex(String hex) {
    return new AccountAddress(HexBytes.fromHex(hex));
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
