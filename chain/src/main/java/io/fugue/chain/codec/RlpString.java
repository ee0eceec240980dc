package io.fugue.chain.codec;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/**
 * An RLP byte string, with the conversions of the canonical integer and fixed-size forms. The
 * {@code as*} readers throw {@link CodecException} on any non-canonical form, so a decoded value
 * re-encodes to the same bytes.
 */
public record RlpString(Bytes value) implements RlpItem {
  public static final RlpString EMPTY = new RlpString(Bytes.EMPTY);

  public RlpString {
    Objects.requireNonNull(value, "value");
  }

  public static RlpString of(Bytes value) {
    return new RlpString(value);
  }

  /** A non-negative integer as a minimal big-endian string (zero is the empty string). */
  public static RlpString ofUint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned: " + value);
    }
    int n = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    byte[] out = new byte[n];
    for (int i = n - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return new RlpString(Bytes.of(out));
  }

  public static RlpString ofUint256(Uint256 value) {
    return new RlpString(value.toMinimalBytes());
  }

  public static RlpString of(Hash32 hash) {
    return new RlpString(hash.toBytes());
  }

  public static RlpString of(Address address) {
    return new RlpString(address.toBytes());
  }

  @Override
  public int encodedSize() {
    int n = value.size();
    if (n == 1 && (value.get(0) & 0xff) < 0x80) {
      return 1;
    }
    return Rlp.headerSize(n) + n;
  }

  /** A canonical unsigned integer below 2^63. */
  public long asUint64() {
    int n = checkCanonicalInteger(8);
    if (n == 8 && value.get(0) < 0) {
      throw new CodecException("integer does not fit 63 bits");
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (value.get(i) & 0xff);
    }
    return v;
  }

  /** A canonical unsigned integer below 2^31. */
  public int asInt() {
    long v = asUint64();
    if (v > Integer.MAX_VALUE) {
      throw new CodecException("integer does not fit 31 bits: " + v);
    }
    return (int) v;
  }

  public Uint256 asUint256() {
    checkCanonicalInteger(Uint256.BYTES);
    return Uint256.fromBytes(value);
  }

  /** The raw bytes, which must be exactly {@code size} long. */
  public Bytes asBytes(int size) {
    if (value.size() != size) {
      throw new CodecException("expected " + size + " bytes, got " + value.size());
    }
    return value;
  }

  public Hash32 asHash32() {
    return Hash32.of(asBytes(Hash32.SIZE));
  }

  public Address asAddress() {
    return Address.of(asBytes(Address.SIZE));
  }

  private int checkCanonicalInteger(int maxBytes) {
    int n = value.size();
    if (n > maxBytes) {
      throw new CodecException("integer longer than " + maxBytes + " bytes");
    }
    if (n > 0 && value.get(0) == 0) {
      throw new CodecException("integer has a leading zero byte");
    }
    return n;
  }
}
