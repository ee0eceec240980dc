package io.fugue.geofencing;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.CodecLimits;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Strict decoding of geo-fencing records and bodies: every failure of the layers below becomes one
 * {@link GeoFencingException} naming the object.
 */
public final class Codecs {
  /** Fences and proposals are small; 64 KiB and 2,048 items bound any of them. */
  public static final CodecLimits LIMITS =
      CodecLimits.defaults().withMaxInputBytes(64 << 10).withMaxItems(2_048);

  private Codecs() {}

  /** Decodes {@code encoded} as one RLP list and reads it with {@code reader}. */
  public static <T> T decoding(String what, Bytes encoded, Function<RlpList, T> reader) {
    return reading(what, () -> reader.apply(Rlp.decodeList(encoded, LIMITS)));
  }

  /** Runs {@code body}, turning any validation failure of the layers below into ours. */
  public static <T> T reading(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (GeoFencingException e) {
      throw new GeoFencingException(what + ": " + e.getMessage(), e);
    } catch (CodecException e) {
      throw new GeoFencingException(what + " is malformed: " + e.getMessage(), e);
    } catch (ChainException | IllegalArgumentException | ArithmeticException e) {
      throw new GeoFencingException(what + " is invalid: " + e.getMessage(), e);
    }
  }

  /** An ASCII text field. */
  public static RlpString ascii(String value) {
    return RlpString.of(Bytes.of(value.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Reads an ASCII text field of at most {@code max} bytes. */
  public static String ascii(RlpString field, int max, String what) {
    return new String(field.asBytesAtMost(max, what).toArray(), StandardCharsets.US_ASCII);
  }
}
