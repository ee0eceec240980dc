package io.fugue.datasharing.attestation;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.DataSharingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Whom an attestation is about: a DID ({@code did:fugue:…}) or a pseudonym (e.g. a VOPRF output), 1
 * to 128 bytes. Never a raw identifier such as an e-mail address. {@link #toString()} shows only a
 * short hash, so logs never carry it.
 */
public record Subject(Bytes value) {
  public static final int MAX_BYTES = 128;

  public Subject {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.size() > MAX_BYTES) {
      throw new DataSharingException(
          "a subject is 1 to " + MAX_BYTES + " bytes, got " + value.size());
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
