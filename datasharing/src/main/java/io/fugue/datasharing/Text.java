package io.fugue.datasharing;

import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checked text fields of records and transaction bodies: strict UTF-8, a byte limit, no control
 * characters. Names, contacts and units are shown to people, so they must not carry invisible or
 * terminal-control characters.
 */
public final class Text {
  private Text() {}

  /** Checks {@code value} and returns it; {@code what} names the field in the error. */
  public static String check(String value, String what, int minBytes, int maxBytes) {
    if (value == null) {
      throw new DataSharingException(what + " must not be null");
    }
    int size = value.getBytes(StandardCharsets.UTF_8).length;
    if (size < minBytes || size > maxBytes) {
      throw new DataSharingException(
          what + " must be " + minBytes + " to " + maxBytes + " UTF-8 bytes, got " + size);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new DataSharingException(what + " must not contain control characters");
      }
    }
    return value;
  }

  /** Reads a strict UTF-8 string field and checks it as {@link #check} does. */
  public static String read(RlpString field, String what, int minBytes, int maxBytes) {
    Bytes raw = field.asBytesAtMost(maxBytes, what);
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw.toArray()))
              .toString();
      return check(s, what, minBytes, maxBytes);
    } catch (CharacterCodingException e) {
      throw new DataSharingException(what + " is not valid UTF-8", e);
    }
  }

  /**
   * {@code value} with control characters replaced by spaces, cut to at most {@code maxBytes} UTF-8
   * bytes (ending in "…" when cut), for reasons that come from lower layers.
   */
  public static String clip(String value, int maxBytes) {
    String clean = value.replaceAll("\\p{Cntrl}", " ");
    if (clean.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return clean;
    }
    StringBuilder out = new StringBuilder();
    int used = "…".getBytes(StandardCharsets.UTF_8).length;
    for (int i = 0; i < clean.length(); ) {
      int cp = clean.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > maxBytes) {
        break;
      }
      out.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }

  public static RlpString field(String value) {
    return RlpString.of(Bytes.of(value.getBytes(StandardCharsets.UTF_8)));
  }
}
