package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;

/**
 * Builds and signs, with the local key store, the chain transactions of the data-sharing flows,
 * and the holder's vault consent; implemented by the node wiring over the transaction codec and
 * the zk commitments. The CLI submits the results to {@code POST /v1/chain/transactions} (or the
 * query endpoints).
 */
public interface ChainWriter {
  HexBytes registerIssuer(AccountAddress from, long nonce, String name, String contact);

  HexBytes approveIssuer(AccountAddress governor, long nonce, AccountAddress issuer);

  HexBytes createSchema(AccountAddress from, long nonce, String id, String attribute, String unit,
      int scale, int bits);

  /** A signed publication with a fresh commitment to {@code value}, and the sealed opening. */
  Attested attest(AccountAddress issuer, long nonce, int shard, String subject, AccountAddress holder,
      String schema, long value, long validFromMillis, long validUntilMillis, HexBytes vaultKey);

  HexBytes revoke(AccountAddress issuer, long nonce, int shard, Digest attestation);

  /** The holder's signed consent for the vault to answer {@code queryId} over {@code attestations}. */
  HexBytes consent(AccountAddress holder, Digest queryId, java.util.List<Digest> attestations,
      long expiresAtMillis);

  /**
   * @param rawTransaction the signed publication
   * @param attestation the id the chain will give it
   * @param sealedOpening the opening encrypted to the vault's key, for the holder to deposit
   */
  record Attested(HexBytes rawTransaction, Digest attestation, HexBytes sealedOpening) {}
}
