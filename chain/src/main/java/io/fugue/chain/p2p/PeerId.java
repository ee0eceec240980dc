package io.fugue.chain.p2p;

import java.util.Objects;

/**
 * A libp2p peer id in its base58 text form ({@code 12D3KooW...} for ed25519 keys). Only the
 * alphabet is checked here; the native host parses the multihash and refuses a malformed id.
 */
public record PeerId(String value) {
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  public PeerId {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > 128) {
      throw new IllegalArgumentException("peer id must have 1 to 128 characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (BASE58.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException("peer id is not base58: " + value);
      }
    }
  }

  public static PeerId of(String value) {
    return new PeerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
