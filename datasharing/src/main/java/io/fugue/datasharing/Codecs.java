package io.fugue.datasharing;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.CodecLimits;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.zk.ZkException;
import java.util.function.Function;

/**
 * Strict decoding of data-sharing records and bodies: every failure of the layers below (codec, key
 * parsing, zk point checks, value-type validation) becomes one {@link DataSharingException} naming
 * the object, so callers handle a single exception type for untrusted bytes.
 */
public final class Codecs {
  /** Records and bodies are small; 64 KiB and 1,024 items bound any of them. */
  public static final CodecLimits LIMITS =
      CodecLimits.defaults().withMaxInputBytes(64 << 10).withMaxItems(1_024);

  private Codecs() {}

  /** Decodes {@code encoded} as one RLP list and reads it with {@code reader}. */
  public static <T> T decoding(String what, Bytes encoded, Function<RlpList, T> reader) {
    return reading(what, () -> reader.apply(Rlp.decodeList(encoded, LIMITS)));
  }

  /** Runs {@code body}, turning any validation failure of the layers below into ours. */
  public static <T> T reading(String what, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (DataSharingException e) {
      throw new DataSharingException(what + ": " + e.getMessage(), e);
    } catch (CodecException | ZkException e) {
      throw new DataSharingException(what + " is malformed: " + e.getMessage(), e);
    } catch (ChainException | IllegalArgumentException | ArithmeticException e) {
      throw new DataSharingException(what + " is invalid: " + e.getMessage(), e);
    }
  }
}
