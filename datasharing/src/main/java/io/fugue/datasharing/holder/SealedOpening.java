package io.fugue.datasharing.holder;

import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.DataSharingException;
import java.util.Objects;

/**
 * An opening encrypted to one recipient's secp256k1 key by {@link OpeningSealer}: the ephemeral
 * public key (33 bytes, compressed), the AES-GCM nonce (12 bytes) and the ciphertext with its
 * 16-byte tag. Encoded as {@code version(1) ‖ ephemeral ‖ nonce ‖ ciphertext}. Safe to store and
 * send; {@link #toString()} shows only sizes anyway.
 */
public record SealedOpening(Bytes ephemeralKey, Bytes nonce, Bytes ciphertext) {
  public static final int VERSION = 1;
  public static final int EPHEMERAL_BYTES = 33;
  public static final int NONCE_BYTES = 12;

  /** value(8) ‖ blinding(32) plus the 16-byte GCM tag. */
  public static final int CIPHERTEXT_BYTES = 8 + 32 + 16;

  public static final int ENCODED_BYTES = 1 + EPHEMERAL_BYTES + NONCE_BYTES + CIPHERTEXT_BYTES;

  public SealedOpening {
    Objects.requireNonNull(ephemeralKey, "ephemeralKey");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (ephemeralKey.size() != EPHEMERAL_BYTES
        || nonce.size() != NONCE_BYTES
        || ciphertext.size() != CIPHERTEXT_BYTES) {
      throw new DataSharingException(
          "a sealed opening has a 33-byte ephemeral key, a 12-byte nonce and a 56-byte ciphertext");
    }
  }

  public Bytes encode() {
    return Bytes.concat(Bytes.of((byte) VERSION), ephemeralKey, nonce, ciphertext);
  }

  /** Parses the encoding strictly (version, exact length). */
  public static SealedOpening decode(Bytes encoded) {
    if (encoded.size() != ENCODED_BYTES) {
      throw new DataSharingException(
          "a sealed opening is " + ENCODED_BYTES + " bytes, got " + encoded.size());
    }
    if (encoded.get(0) != VERSION) {
      throw new DataSharingException("unknown sealed opening version " + encoded.get(0));
    }
    return new SealedOpening(
        encoded.slice(1, EPHEMERAL_BYTES),
        encoded.slice(1 + EPHEMERAL_BYTES, NONCE_BYTES),
        encoded.slice(1 + EPHEMERAL_BYTES + NONCE_BYTES, CIPHERTEXT_BYTES));
  }

  @Override
  public String toString() {
    return "SealedOpening[" + ENCODED_BYTES + " bytes]";
  }
}
