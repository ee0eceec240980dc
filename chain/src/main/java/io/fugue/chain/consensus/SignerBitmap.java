package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which committee members signed: bit {@code i} is member {@code i} in committee order, LSB-first
 * within each byte (as Harmony's mask). Always {@code ceil(size/8)} bytes; bits at or beyond {@code
 * size} must be zero, so every signer set has exactly one encoding.
 */
public record SignerBitmap(int size, Bytes bits) {

  public SignerBitmap {
    Objects.requireNonNull(bits, "bits");
    if (size < 1 || size > 0xFFFF) {
      throw new IllegalArgumentException("committee size out of range: " + size);
    }
    if (bits.size() != byteLength(size)) {
      throw new IllegalArgumentException(
          "bitmap for "
              + size
              + " members must be "
              + byteLength(size)
              + " bytes, got "
              + bits.size());
    }
    int spare = bits.size() * 8 - size;
    if (spare > 0 && (bits.get(bits.size() - 1) & 0xFF) >>> (8 - spare) != 0) {
      throw new IllegalArgumentException("bitmap sets bits beyond the committee size " + size);
    }
  }

  /**
   * The signers named by a block header's {@code lastCommitBitmap} field: {@code u64 view ‖ u16 n ‖
   * bitmap(n)} (docs/protocol.md), big-endian.
   *
   * @throws IllegalArgumentException if the field is not exactly that
   */
  public static SignerBitmap ofHeaderField(Bytes field) {
    if (field.size() < 10) {
      throw new IllegalArgumentException(
          "lastCommitBitmap of " + field.size() + " bytes is too short");
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(field.toArray());
    b.getLong();
    int n = Short.toUnsignedInt(b.getShort());
    if (n == 0 || b.remaining() != byteLength(n)) {
      throw new IllegalArgumentException(
          "bitmap of " + b.remaining() + " bytes for " + n + " members");
    }
    byte[] bits = new byte[b.remaining()];
    b.get(bits);
    return new SignerBitmap(n, Bytes.of(bits));
  }

  public static int byteLength(int size) {
    return (size + 7) / 8;
  }

  public static SignerBitmap empty(int size) {
    return new SignerBitmap(size, Bytes.of(new byte[byteLength(size)]));
  }

  public static SignerBitmap of(int size, Collection<Integer> indices) {
    byte[] out = new byte[byteLength(size)];
    for (int i : indices) {
      Objects.checkIndex(i, size);
      out[i >>> 3] |= (byte) (1 << (i & 7));
    }
    return new SignerBitmap(size, Bytes.of(out));
  }

  public boolean contains(int index) {
    Objects.checkIndex(index, size);
    return ((bits.get(index >>> 3) >>> (index & 7)) & 1) == 1;
  }

  /** Member indices in ascending order. */
  public List<Integer> indices() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (contains(i)) {
        out.add(i);
      }
    }
    return out;
  }

  public int count() {
    return indices().size();
  }

  public boolean isEmpty() {
    return count() == 0;
  }

  public boolean intersects(SignerBitmap other) {
    requireSameSize(other);
    for (int i = 0; i < bits.size(); i++) {
      if ((bits.get(i) & other.bits.get(i)) != 0) {
        return true;
      }
    }
    return false;
  }

  public SignerBitmap union(SignerBitmap other) {
    requireSameSize(other);
    byte[] out = new byte[bits.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (bits.get(i) | other.bits.get(i));
    }
    return new SignerBitmap(size, Bytes.of(out));
  }

  private void requireSameSize(SignerBitmap other) {
    if (other.size != size) {
      throw new IllegalArgumentException("bitmaps of different committee sizes");
    }
  }
}
