package io.fugue.chain.codec;

/**
 * Bounds applied while decoding untrusted bytes, checked before any allocation they would cause, so
 * a hostile length prefix cannot make the decoder allocate or recurse without limit.
 *
 * @param maxInputBytes largest accepted input, in bytes
 * @param maxDepth deepest nesting of lists (the outermost list is depth 1)
 * @param maxItems most items (strings and lists, at every depth) in one input
 * @param maxStringBytes longest single byte string
 */
public record CodecLimits(int maxInputBytes, int maxDepth, int maxItems, int maxStringBytes) {
  public CodecLimits {
    if (maxInputBytes < 1 || maxDepth < 1 || maxItems < 1 || maxStringBytes < 0) {
      throw new IllegalArgumentException("codec limits must be positive");
    }
  }

  /** 8 MiB input, depth 16, 500k items, 4 MiB strings: above any valid block, below harm. */
  public static CodecLimits defaults() {
    return new CodecLimits(8 << 20, 16, 500_000, 4 << 20);
  }

  public CodecLimits withMaxInputBytes(int value) {
    return new CodecLimits(value, maxDepth, maxItems, maxStringBytes);
  }

  public CodecLimits withMaxDepth(int value) {
    return new CodecLimits(maxInputBytes, value, maxItems, maxStringBytes);
  }

  public CodecLimits withMaxItems(int value) {
    return new CodecLimits(maxInputBytes, maxDepth, value, maxStringBytes);
  }

  public CodecLimits withMaxStringBytes(int value) {
    return new CodecLimits(maxInputBytes, maxDepth, maxItems, value);
  }
}
