package io.fugue.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable byte string that reads and writes as {@code 0x}-prefixed hex. Copies on the way in
 * and out, so it can sit in a record.
 */
public final class HexBytes {
  private static final HexFormat HEX = HexFormat.of();
  private final byte[] bytes;

  private HexBytes(byte[] owned) {
    this.bytes = owned;
  }

  public static HexBytes of(byte[] bytes) {
    return new HexBytes(Objects.requireNonNull(bytes, "bytes").clone());
  }

  /** Parses {@code 0x}-prefixed hex of even length; throws {@link IllegalArgumentException}. */
  @JsonCreator
  public static HexBytes fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (!hex.startsWith("0x") && !hex.startsWith("0X")) {
      throw new IllegalArgumentException("hex must start with 0x");
    }
    String digits = hex.substring(2);
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("hex has an odd number of digits");
    }
    try {
      return new HexBytes(HEX.parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a hex string: " + e.getMessage(), e);
    }
  }

  public int size() {
    return bytes.length;
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  @JsonValue
  public String toHex() {
    return "0x" + HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HexBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
