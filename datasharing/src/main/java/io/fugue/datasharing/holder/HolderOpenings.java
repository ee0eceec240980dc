package io.fugue.datasharing.holder;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1PublicKey;
import io.fugue.chain.primitives.Address;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.zk.Commitment;
import io.fugue.zk.Opening;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The path of an opening from the issuer to the holder and on to the vault, on the clients'
 * machines: the issuer seals it to the holder's account key (checked against the holder's address,
 * so an opening never goes to a key of another account); the holder opens it with her own key and
 * checks it against the on-chain commitment before she uses it, to prove a query herself or to
 * re-seal it to the vault's deposit key. The node never sees an opening in the clear except inside
 * the vault, and only with the holder's consent.
 *
 * <p>Stateless and thread-safe. Every opening decrypted here that is not returned is wiped.
 */
public final class HolderOpenings {
  private final OpeningSealer sealer = new OpeningSealer();

  /**
   * The issuer's side: seals {@code opening} to {@code holderKey}, bound to attestation {@code id}.
   * Throws {@link DataSharingException} when the key is not {@code holder}'s.
   */
  public SealedOpening sealToHolder(
      Opening opening,
      Address holder,
      Secp256k1PublicKey holderKey,
      AttestationId id,
      SecureRandom random) {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(holderKey, "holderKey");
    if (!holderKey.address().equals(holder)) {
      throw new DataSharingException(
          "the holder key is the key of " + holderKey.address() + ", not of the holder " + holder);
    }
    return sealer.seal(opening, holderKey, id, random);
  }

  /**
   * The holder's side: decrypts {@code sealed} with her key and checks that it opens {@code
   * onChain}, the commitment the chain holds for attestation {@code id}. The caller owns (and must
   * close) the returned opening. Throws {@link DataSharingException} when it does not decrypt with
   * this key or opens another commitment.
   */
  public Opening open(
      SealedOpening sealed, Secp256k1PrivateKey holderKey, AttestationId id, Commitment onChain) {
    Objects.requireNonNull(onChain, "onChain");
    Opening opening = sealer.open(sealed, holderKey, id);
    if (!opening.commitment().equals(onChain)) {
      opening.wipe();
      throw new DataSharingException(
          "the sealed opening decrypts but does not open the on-chain commitment of " + id);
    }
    return opening;
  }

  /**
   * Opens {@code sealed} as {@link #open} does and seals it again to the vault's {@code
   * depositKey}, for a deposit; the clear opening is wiped before this returns.
   */
  public SealedOpening reseal(
      SealedOpening sealed,
      Secp256k1PrivateKey holderKey,
      AttestationId id,
      Commitment onChain,
      Secp256k1PublicKey depositKey,
      SecureRandom random) {
    Objects.requireNonNull(depositKey, "depositKey");
    try (Opening opening = open(sealed, holderKey, id, onChain)) {
      return sealer.seal(opening, depositKey, id, random);
    }
  }
}
