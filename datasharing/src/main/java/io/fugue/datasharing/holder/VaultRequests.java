package io.fugue.datasharing.holder;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.attestation.AttestationId;
import java.nio.charset.StandardCharsets;

/**
 * The digests a holder signs (recoverable secp256k1) to deposit into and erase from the vault. Each
 * has its own domain, so a signature for one request is never valid for another kind; the query
 * consent is {@link io.fugue.datasharing.query.Consent}.
 */
public final class VaultRequests {
  private static final Bytes DEPOSIT =
      Bytes.of("fugue.vault.deposit.v1".getBytes(StandardCharsets.US_ASCII));
  private static final Bytes ERASE =
      Bytes.of("fugue.vault.erase.v1".getBytes(StandardCharsets.US_ASCII));

  private VaultRequests() {}

  /** keccak("fugue.vault.deposit.v1" ‖ attestation id ‖ keccak(sealed opening)). */
  public static Hash32 depositDigest(AttestationId id, SealedOpening sealed) {
    return Hashing.keccak256(DEPOSIT, id.toBytes(), Hashing.keccak256(sealed.encode()).toBytes());
  }

  /** keccak("fugue.vault.erase.v1" ‖ attestation id). */
  public static Hash32 eraseDigest(AttestationId id) {
    return Hashing.keccak256(ERASE, id.toBytes());
  }
}
