package io.fugue.chain.codec;

import java.util.List;

/** An RLP list. Accessors check the shape a decoder expects and fail with a clear message. */
public record RlpList(List<RlpItem> items) implements RlpItem {
  public RlpList {
    items = List.copyOf(items);
  }

  public static RlpList of(RlpItem... items) {
    return new RlpList(List.of(items));
  }

  public int size() {
    return items.size();
  }

  public RlpItem get(int index) {
    if (index < 0 || index >= items.size()) {
      throw new CodecException("list has " + items.size() + " items, no item " + index);
    }
    return items.get(index);
  }

  public RlpString string(int index) {
    return get(index).asString();
  }

  public RlpList list(int index) {
    return get(index).asList();
  }

  /** Fails unless the list has exactly {@code count} items (for fixed-field records). */
  public RlpList expectSize(int count, String what) {
    if (items.size() != count) {
      throw new CodecException(what + " has " + count + " fields, got " + items.size());
    }
    return this;
  }

  int payloadSize() {
    int total = 0;
    for (RlpItem item : items) {
      total = Math.addExact(total, item.encodedSize());
    }
    return total;
  }

  @Override
  public int encodedSize() {
    int payload = payloadSize();
    return Rlp.headerSize(payload) + payload;
  }
}
