package io.fugue.chain.primitives;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A 20-byte account address, derived as in Ethereum: the last 20 bytes of keccak-256 of the 64-byte
 * uncompressed secp256k1 public key (X ‖ Y, without the 0x04 prefix). Shown in EIP-55 mixed-case
 * checksum hex.
 */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(new byte[SIZE]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Address(byte[] owned) {
    this.bytes = owned;
  }

  /** Wraps a copy of exactly 20 bytes. */
  public static Address of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  public static Address of(Bytes bytes) {
    return of(bytes.toArray());
  }

  /**
   * The address of a public key given as 64 bytes {@code X ‖ Y} (or 65 bytes with the leading
   * {@code 0x04} of the SEC1 uncompressed form).
   */
  public static Address fromPublicKey(byte[] uncompressed) {
    byte[] xy = uncompressed;
    if (xy.length == 65 && xy[0] == 0x04) {
      xy = Arrays.copyOfRange(xy, 1, 65);
    }
    if (xy.length != 64) {
      throw new IllegalArgumentException(
          "an uncompressed public key is 64 bytes, got " + xy.length);
    }
    byte[] digest = Hashing.keccak256(xy).toArray();
    return new Address(Arrays.copyOfRange(digest, 12, 32));
  }

  /**
   * Parses 40 hex digits with an optional {@code 0x}. All-lower or all-upper case is accepted as
   * is; mixed case must carry a valid EIP-55 checksum, so a mistyped address is caught.
   */
  public static Address fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != SIZE * 2) {
      throw new IllegalArgumentException("an address is 40 hex digits, got " + digits.length());
    }
    Address a = of(Bytes.fromHex(digits));
    boolean mixed =
        !digits.equals(digits.toLowerCase(Locale.ROOT))
            && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixed && !a.toChecksumHex().substring(2).equals(digits)) {
      throw new IllegalArgumentException("address fails its EIP-55 checksum: " + hex);
    }
    return a;
  }

  /** EIP-55: hex digit i is upper-cased when nibble i of keccak(lower-case hex) is >= 8. */
  public String toChecksumHex() {
    String lower = HEX.formatHex(bytes);
    byte[] h =
        Hashing.keccak256(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray();
    StringBuilder out = new StringBuilder(2 + lower.length()).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (h[i >>> 1] >>> ((i & 1) == 0 ? 4 : 0)) & 0xf;
      out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public Bytes toBytes() {
    return Bytes.of(bytes);
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toChecksumHex();
  }
}
