package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import java.util.Optional;

/**
 * Fixed-width big-endian key parts, so that the unsigned byte order of keys is the numeric order of
 * the numbers in them (block 2 sorts before block 10).
 */
public final class Keys {
  private Keys() {}

  /** A u64 as 8 big-endian bytes; a negative {@code long} is read as unsigned. */
  public static Bytes u64(long value) {
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return Bytes.of(out);
  }

  /** A u32 as 4 big-endian bytes; a negative {@code int} is read as unsigned. */
  public static Bytes u32(int value) {
    return Bytes.of(
        (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value);
  }

  /** Reads the 8 big-endian bytes at {@code offset} as a u64. */
  public static long readU64(Bytes bytes, int offset) {
    if (offset < 0 || offset + 8 > bytes.size()) {
      throw new StorageException("no u64 at offset " + offset + " of " + bytes.size() + " bytes");
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes.get(offset + i) & 0xff);
    }
    return v;
  }

  /** Reads the 4 big-endian bytes at {@code offset} as a u32 held in an {@code int}. */
  public static int readU32(Bytes bytes, int offset) {
    if (offset < 0 || offset + 4 > bytes.size()) {
      throw new StorageException("no u32 at offset " + offset + " of " + bytes.size() + " bytes");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (bytes.get(offset + i) & 0xff);
    }
    return v;
  }

  /**
   * The smallest key greater than every key starting with {@code prefix}, or empty when there is
   * none (an all-0xff or empty prefix covers the rest of the column).
   */
  public static Optional<Bytes> prefixEnd(Bytes prefix) {
    byte[] b = prefix.toArray();
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] != (byte) 0xff) {
        b[i]++;
        return Optional.of(Bytes.of(b, 0, i + 1));
      }
    }
    return Optional.empty();
  }
}
