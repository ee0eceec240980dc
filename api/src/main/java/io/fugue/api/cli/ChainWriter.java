package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import java.util.List;
import java.util.Optional;

/**
 * Builds and signs, with the local key store, the chain transactions of the data-sharing flows and
 * the holder's side of them (opening what the issuer sealed to her key, re-sealing it for the
 * vault, proving a query, consents and declines); implemented by the node wiring over the
 * transaction codec, the zk API and the holder's openings. The CLI submits the results to {@code
 * POST /v1/chain/transactions} (or the vault and query endpoints). Failures the user must read (a
 * key of another account, an opening that does not decrypt or does not match the chain) are {@link
 * CliException}s; no method prints or returns a clear opening.
 */
public interface ChainWriter {
  HexBytes registerIssuer(AccountAddress from, long nonce, String name, String contact);

  HexBytes approveIssuer(AccountAddress governor, long nonce, AccountAddress issuer);

  HexBytes createSchema(
      AccountAddress from,
      long nonce,
      String id,
      String attribute,
      String unit,
      int scale,
      int bits);

  /**
   * A signed publication with a fresh commitment to {@code value}, and its opening sealed to {@code
   * holderKey}, the holder's 64-byte secp256k1 account public key; refuses a key whose address is
   * not {@code holder}.
   */
  Attested attest(
      AccountAddress issuer,
      long nonce,
      int shard,
      String subject,
      AccountAddress holder,
      String schema,
      long value,
      long validFromMillis,
      long validUntilMillis,
      HexBytes holderKey);

  HexBytes revoke(AccountAddress issuer, long nonce, int shard, Digest attestation);

  /**
   * Opens {@code sealed} (sealed to {@code holder}'s key) with her local key, checks it against
   * {@code attestation}'s on-chain commitment, and seals it again to the vault's {@code
   * depositKey}.
   */
  HexBytes resealForVault(
      AccountAddress holder, AttestationView attestation, HexBytes sealed, HexBytes depositKey);

  /**
   * The holder's proof for {@code query}, bound to its transcript, with the openings in {@code
   * sealed} (one per attestation, in the query's order, each sealed to {@code holder}'s key and
   * checked against the commitment in {@code attestations}); empty when the predicate is false for
   * the values (no proof of a false claim exists).
   */
  Optional<HexBytes> prove(
      AccountAddress holder,
      QueryView query,
      List<AttestationView> attestations,
      int schemaBits,
      List<HexBytes> sealed);

  /**
   * The holder's signed consent for the vault to answer {@code queryId} over {@code attestations}.
   */
  HexBytes consent(
      AccountAddress holder, Digest queryId, List<Digest> attestations, long expiresAtMillis);

  /** The holder's signed decline of {@code queryId}: the query ends refused. */
  HexBytes decline(AccountAddress holder, Digest queryId);

  /** A staking transaction (docs/staking.md) signed by {@code from}, for the beacon chain. */
  HexBytes staking(AccountAddress from, long nonce, StakingWrite write);

  /** What a {@code fugue staking} write asks for; amounts in base units. */
  sealed interface StakingWrite {
    /** A BLS key with its proof of possession (from {@code fugue keys new --bls}). */
    record Key(HexBytes publicKey, HexBytes proofOfPossession) {}

    record CreateValidator(
        String name,
        String website,
        String details,
        String securityContact,
        int commissionBps,
        int maxCommissionBps,
        int maxChangeBps,
        java.math.BigInteger minSelfDelegation,
        java.math.BigInteger maxTotalDelegation,
        List<Key> keys,
        java.math.BigInteger amount)
        implements StakingWrite {}

    record Delegate(AccountAddress validator, java.math.BigInteger amount)
        implements StakingWrite {}

    record Undelegate(AccountAddress validator, java.math.BigInteger amount)
        implements StakingWrite {}

    record CollectRewards() implements StakingWrite {}
  }

  /**
   * @param rawTransaction the signed publication
   * @param attestation the id the chain will give it
   * @param sealedOpening the opening encrypted to the holder's key, for the holder
   */
  record Attested(HexBytes rawTransaction, Digest attestation, HexBytes sealedOpening) {}
}
