package io.fugue.chain.primitives;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable byte string with value semantics. Copies on the way in and on the way out, so a
 * {@code Bytes} can sit in a record and be shared between threads.
 */
public final class Bytes implements Comparable<Bytes> {
  private static final HexFormat HEX = HexFormat.of();
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] owned) {
    this.bytes = owned;
  }

  /** Wraps a copy of {@code bytes}. */
  public static Bytes of(byte... bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** Wraps a copy of {@code bytes[offset, offset + length)}. */
  public static Bytes of(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /** Parses lower- or upper-case hex, with or without a {@code 0x} prefix. */
  public static Bytes fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("hex string has an odd number of digits");
    }
    try {
      return new Bytes(HEX.parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a hex string: " + e.getMessage(), e);
    }
  }

  /** Concatenates the given byte strings. */
  public static Bytes concat(Bytes... parts) {
    int size = 0;
    for (Bytes p : parts) {
      size = Math.addExact(size, p.bytes.length);
    }
    byte[] out = new byte[size];
    int at = 0;
    for (Bytes p : parts) {
      System.arraycopy(p.bytes, 0, out, at, p.bytes.length);
      at += p.bytes.length;
    }
    return new Bytes(out);
  }

  public int size() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public byte get(int index) {
    return bytes[index];
  }

  /** A copy of the contents. */
  public byte[] toArray() {
    return bytes.clone();
  }

  public Bytes slice(int offset, int length) {
    return of(bytes, offset, length);
  }

  /** Copies the contents into {@code dest} at {@code destOffset}. */
  public void copyTo(byte[] dest, int destOffset) {
    System.arraycopy(bytes, 0, dest, destOffset, bytes.length);
  }

  public String toHex() {
    return HEX.formatHex(bytes);
  }

  /** Hex with a {@code 0x} prefix, as JSON APIs show it. */
  public String toPrefixedHex() {
    return "0x" + toHex();
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toPrefixedHex();
  }
}
