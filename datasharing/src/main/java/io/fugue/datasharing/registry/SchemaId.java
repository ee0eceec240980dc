package io.fugue.datasharing.registry;

import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.DataSharingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A schema's id: a short lower-case slug such as {@code net-worth-usd}, unique on the beacon chain,
 * first come first served. Readable ids keep queries and audit records legible.
 */
public record SchemaId(String value) {
  public static final int MAX_LENGTH = 64;
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public SchemaId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new DataSharingException(
          "schema id must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
  }

  public static SchemaId of(String value) {
    return new SchemaId(value);
  }

  /** Reads an id from its bytes (ASCII by construction). */
  public static SchemaId fromBytes(Bytes bytes) {
    if (bytes.size() > MAX_LENGTH) {
      throw new DataSharingException("schema id is longer than " + MAX_LENGTH + " bytes");
    }
    return new SchemaId(new String(bytes.toArray(), StandardCharsets.US_ASCII));
  }

  public Bytes toBytes() {
    return Bytes.of(value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return value;
  }
}
