package io.fugue.datasharing.query;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/**
 * A query's id: keccak-256 of {@code "fugue.query.v1" ‖ the request's encoding} (see {@link
 * QueryRequest#id()}).
 */
public record QueryId(Hash32 value) {
  public QueryId {
    Objects.requireNonNull(value, "value");
  }

  public static QueryId fromHex(String hex) {
    return new QueryId(Hash32.fromHex(hex));
  }

  public Bytes toBytes() {
    return value.toBytes();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
