package io.fugue.chain.codec;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B) with strict decoding:
 * exactly one encoding is accepted for every tree. Rejected: trailing bytes, a single byte below
 * 0x80 wrapped in a string header, a long-form length below 56, length-of-length with leading
 * zeros, an item overrunning its enclosing list, and anything beyond {@link CodecLimits}.
 *
 * <p>Typed objects are {@code type ‖ rlp(payload)} with a type (or version) byte in [0x00, 0x7f],
 * as in EIP-2718, so a typed value can never be mistaken for an RLP list.
 */
public final class Rlp {
  /** Highest type byte: 0x80 and above would read as an RLP string or list header. */
  public static final int MAX_TYPE = 0x7f;

  private Rlp() {}

  /** A typed value: its type (or version) byte and its payload. */
  public record Typed(int type, RlpItem payload) {
    public Typed {
      checkType(type);
      Objects.requireNonNull(payload, "payload");
    }
  }

  public static Bytes encode(RlpItem item) {
    byte[] out = new byte[item.encodedSize()];
    int end = write(item, out, 0);
    assert end == out.length;
    return Bytes.of(out);
  }

  public static Bytes encodeTyped(int type, RlpItem payload) {
    checkType(type);
    byte[] out = new byte[1 + payload.encodedSize()];
    out[0] = (byte) type;
    write(payload, out, 1);
    return Bytes.of(out);
  }

  /** Decodes exactly one item spanning all of {@code input}. */
  public static RlpItem decode(Bytes input, CodecLimits limits) {
    return decode(input.toArray(), 0, limits);
  }

  /** Decodes exactly one list spanning all of {@code input}. */
  public static RlpList decodeList(Bytes input, CodecLimits limits) {
    return decode(input, limits).asList();
  }

  /** Decodes {@code type ‖ rlp(payload)}; the payload must span the rest of the input. */
  public static Typed decodeTyped(Bytes input, CodecLimits limits) {
    byte[] in = input.toArray();
    if (in.length == 0) {
      throw new CodecException("typed value is empty");
    }
    int type = in[0] & 0xff;
    if (type > MAX_TYPE) {
      throw new CodecException("type byte 0x" + Integer.toHexString(type) + " is above 0x7f");
    }
    return new Typed(type, decode(in, 1, limits));
  }

  private static RlpItem decode(byte[] in, int offset, CodecLimits limits) {
    Objects.requireNonNull(limits, "limits");
    if (in.length > limits.maxInputBytes()) {
      throw new CodecException(
          "input of " + in.length + " bytes exceeds the limit of " + limits.maxInputBytes());
    }
    if (offset >= in.length) {
      throw new CodecException("input is empty");
    }
    Decoder d = new Decoder(in, limits);
    d.pos = offset;
    RlpItem item = d.item(in.length, 0);
    if (d.pos != in.length) {
      throw new CodecException((in.length - d.pos) + " trailing bytes after the RLP item");
    }
    return item;
  }

  static int headerSize(int payloadLength) {
    if (payloadLength < 56) {
      return 1;
    }
    return 1 + lengthOfLength(payloadLength);
  }

  private static int lengthOfLength(int length) {
    return (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
  }

  private static void checkType(int type) {
    if (type < 0 || type > MAX_TYPE) {
      throw new IllegalArgumentException("type byte must be in [0, 0x7f], got " + type);
    }
  }

  private static int write(RlpItem item, byte[] out, int pos) {
    if (item instanceof RlpString s) {
      Bytes v = s.value();
      if (v.size() == 1 && (v.get(0) & 0xff) < 0x80) {
        out[pos] = v.get(0);
        return pos + 1;
      }
      pos = writeHeader(0x80, v.size(), out, pos);
      v.copyTo(out, pos);
      return pos + v.size();
    }
    RlpList list = (RlpList) item;
    pos = writeHeader(0xc0, list.payloadSize(), out, pos);
    for (RlpItem child : list.items()) {
      pos = write(child, out, pos);
    }
    return pos;
  }

  private static int writeHeader(int base, int length, byte[] out, int pos) {
    if (length < 56) {
      out[pos] = (byte) (base + length);
      return pos + 1;
    }
    int n = lengthOfLength(length);
    out[pos++] = (byte) (base + 55 + n);
    for (int i = n - 1; i >= 0; i--) {
      out[pos + i] = (byte) length;
      length >>>= 8;
    }
    return pos + n;
  }

  /** One pass over the input; {@code pos} advances as items are read. */
  private static final class Decoder {
    private final byte[] in;
    private final CodecLimits limits;
    private int pos;
    private int items;

    Decoder(byte[] in, CodecLimits limits) {
      this.in = in;
      this.limits = limits;
    }

    RlpItem item(int end, int depth) {
      if (++items > limits.maxItems()) {
        throw new CodecException("more than " + limits.maxItems() + " RLP items");
      }
      int b = in[pos] & 0xff;
      if (b < 0x80) {
        pos++;
        return new RlpString(Bytes.of(in, pos - 1, 1));
      }
      boolean isList = b >= 0xc0;
      int length = readLength(b, isList ? 0xc0 : 0x80, end);
      if (!isList) {
        if (length > limits.maxStringBytes()) {
          throw new CodecException(
              "string of " + length + " bytes exceeds the limit of " + limits.maxStringBytes());
        }
        if (length == 1 && (in[pos] & 0xff) < 0x80) {
          throw new CodecException("single byte below 0x80 must not carry a string header");
        }
        pos += length;
        return new RlpString(Bytes.of(in, pos - length, length));
      }
      if (depth + 1 > limits.maxDepth()) {
        throw new CodecException("lists nested deeper than " + limits.maxDepth());
      }
      int listEnd = pos + length;
      List<RlpItem> children = new ArrayList<>();
      while (pos < listEnd) {
        children.add(item(listEnd, depth + 1));
      }
      return new RlpList(children);
    }

    /** Reads a header at {@code pos}, leaves {@code pos} at the payload, returns its length. */
    private int readLength(int b, int base, int end) {
      pos++;
      int shortMax = base + 55;
      long length;
      if (b <= shortMax) {
        length = (long) b - base;
      } else {
        int n = b - shortMax;
        if (n > 4) {
          throw new CodecException("length of " + n + " bytes is beyond any accepted size");
        }
        if (end - pos < n) {
          throw new CodecException("input ends inside a length prefix");
        }
        if (in[pos] == 0) {
          throw new CodecException("length prefix has a leading zero byte");
        }
        length = 0;
        for (int i = 0; i < n; i++) {
          length = (length << 8) | (in[pos++] & 0xff);
        }
        if (length < 56) {
          throw new CodecException("length " + length + " below 56 must use the short form");
        }
      }
      if (length > end - pos) {
        throw new CodecException(
            "item of "
                + length
                + " bytes overruns its input by "
                + (length - (end - pos))
                + " bytes");
      }
      return (int) length;
    }
  }
}
