package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;

/** Bounds-checked big-endian reader; every short read becomes a {@link MalformedException}. */
final class ByteReader {
  /** Internal to decoding: always caught and turned into {@link DecodeResult.Malformed}. */
  static final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  private final byte[] data;
  private int at;

  ByteReader(byte[] data) {
    this.data = data;
  }

  static MalformedException malformed(String message) {
    return new MalformedException(message);
  }

  private void need(int n, String what) {
    if (n < 0 || data.length - at < n) {
      throw malformed("truncated " + what + " at byte " + at);
    }
  }

  int u8(String what) {
    need(1, what);
    return data[at++] & 0xFF;
  }

  int u16(String what) {
    need(2, what);
    int v = (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    at += 2;
    return v;
  }

  int u32(String what) {
    need(4, what);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = v << 8 | (data[at++] & 0xFF);
    }
    return v;
  }

  /** A non-negative signed 64-bit value. */
  long u63(String what) {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (data[at++] & 0xFF);
    }
    if (v < 0) {
      throw malformed(what + " is negative");
    }
    return v;
  }

  Bytes bytes(int n, String what) {
    need(n, what);
    Bytes b = Bytes.of(data, at, n);
    at += n;
    return b;
  }

  Hash32 hash(String what) {
    return Hash32.of(bytes(Hash32.SIZE, what));
  }

  ValidatorKey key(String what) {
    return new ValidatorKey(bytes(ValidatorKey.SIZE, what));
  }

  ValidatorSignature signature(String what) {
    return new ValidatorSignature(bytes(ValidatorSignature.SIZE, what));
  }

  void requireEnd() {
    if (at != data.length) {
      throw malformed((data.length - at) + " trailing bytes");
    }
  }
}
