package io.fugue.api.model;

import java.util.Objects;

/** The vault's deposit public key: 64 bytes, the secp256k1 point's {@code X ‖ Y}. */
public record VaultKey(HexBytes depositKey) {
  public VaultKey {
    Objects.requireNonNull(depositKey, "depositKey");
  }
}
