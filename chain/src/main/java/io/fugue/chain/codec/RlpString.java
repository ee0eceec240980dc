package io.fugue.chain.codec;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
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

  public static RlpString of(ShardId shard) {
    return ofUint(shard.value());
  }

  public static RlpString of(boolean value) {
    return ofUint(value ? 1 : 0);
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

  /** A shard id: a canonical integer in [0, {@link ShardId#MAX}]. */
  public ShardId asShardId() {
    long v = asUint64();
    if (v > ShardId.MAX) {
      throw new CodecException("shard id " + v + " above " + ShardId.MAX);
    }
    return new ShardId((int) v);
  }

  /** A boolean: 0x80 (empty, false) or 0x01 (true); nothing else. */
  public boolean asBoolean() {
    long v = asUint64();
    if (v > 1) {
      throw new CodecException("boolean must be 0 or 1, got " + v);
    }
    return v == 1;
  }

  /** The raw bytes, which must be exactly {@code size} long. */
  public Bytes asBytes(int size) {
    if (value.size() != size) {
      throw new CodecException("expected " + size + " bytes, got " + value.size());
    }
    return value;
  }

  /** The raw bytes, at most {@code max} long; {@code what} names the field in the error. */
  public Bytes asBytesAtMost(int max, String what) {
    if (value.size() > max) {
      throw new CodecException(what + " is " + value.size() + " bytes, limit " + max);
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
