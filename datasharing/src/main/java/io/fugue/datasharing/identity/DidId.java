package io.fugue.datasharing.identity;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The method-specific id of a did:fugue DID: 16 bytes, written as 32 lower-case hex digits ({@code
 * did:fugue:<32 hex>}). A DID created by account A with transaction nonce N has id
 * SHA-256("did:fugue" ‖ A(20) ‖ N as 8 bytes big-endian)[0..16], so ids are unique per chain and
 * computable before the transaction lands.
 */
public record DidId(Bytes bytes) {
  public static final int BYTES = 16;
  public static final String PREFIX = "did:fugue:";
  private static final Pattern SYNTAX = Pattern.compile("did:fugue:[0-9a-f]{32}");

  public DidId {
    if (bytes == null || bytes.size() != BYTES) {
      throw new IllegalArgumentException("a did:fugue id is " + BYTES + " bytes");
    }
  }

  /** The id of the DID that {@code creator} creates with transaction nonce {@code nonce}. */
  public static DidId derive(Address creator, long nonce) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("did:fugue".getBytes(StandardCharsets.US_ASCII));
      sha.update(creator.toBytes().toArray());
      sha.update(ByteBuffer.allocate(8).putLong(nonce).array());
      return new DidId(Bytes.of(sha.digest(), 0, BYTES));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** Parses {@code did:fugue:<32 lower-case hex>}; throws IllegalArgumentException otherwise. */
  public static DidId parse(String did) {
    if (did == null || !SYNTAX.matcher(did).matches()) {
      throw new IllegalArgumentException(
          "not a did:fugue DID (did:fugue: and 32 lower-case hex digits)");
    }
    return new DidId(Bytes.fromHex(did.substring(PREFIX.length())));
  }

  @Override
  public String toString() {
    return PREFIX + bytes.toHex().toLowerCase(Locale.ROOT);
  }
}
