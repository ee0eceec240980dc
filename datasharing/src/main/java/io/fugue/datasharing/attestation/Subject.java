package io.fugue.datasharing.attestation;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.DataSharingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whom an attestation is about: a DID ({@code did:fugue:…}) or a pseudonym (e.g. a VOPRF output), 1
 * to 128 bytes. Never a raw identifier such as an e-mail address. {@link #toString()} shows only a
 * short hash, so logs never carry it.
 */
public record Subject(Bytes value) {
  public static final int MAX_BYTES = 128;

  /**
   * The only subjects there are, as ASCII text: a {@code did:fugue} DID (its method-specific id 1
   * to 118 characters, so the whole DID fits {@link #MAX_BYTES}) or a 32-byte pseudonym in {@code
   * 0x}-hex. The API's contract uses the same pattern; the ledger module checks it too, so a raw
   * identifier (an e-mail address, raw bytes) can never be written on chain.
   */
  public static final Pattern SYNTAX =
      Pattern.compile("^(did:fugue:[A-Za-z0-9._-]{1,118}|0x[0-9a-fA-F]{64})$");

  public Subject {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.size() > MAX_BYTES) {
      throw new DataSharingException(
          "a subject is 1 to " + MAX_BYTES + " bytes, got " + value.size());
    }
    // ISO-8859-1 maps every byte to one char, so a non-ASCII byte can never match the pattern.
    if (!SYNTAX.matcher(new String(value.toArray(), StandardCharsets.ISO_8859_1)).matches()) {
      throw new DataSharingException(
          "a subject is a did:fugue DID or a 0x-hex pseudonym, never a raw identifier");
    }
  }

  /** A subject given as text (a DID). */
  public static Subject of(String did) {
    return new Subject(Bytes.of(did.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String toString() {
    return "Subject[keccak=" + Hashing.keccak256(value).toHex().substring(0, 12) + "…]";
  }
}
