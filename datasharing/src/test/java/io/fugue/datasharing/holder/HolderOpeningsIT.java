package io.fugue.datasharing.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.zk.Commitment;
import io.fugue.zk.Opening;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The issuer → holder → vault path of an opening (an IT because the commitments use the JNI
 * library).
 */
class HolderOpeningsIT {
  private final SecureRandom random = new SecureRandom();
  private final HolderOpenings openings = new HolderOpenings();
  private final OpeningSealer sealer = new OpeningSealer();
  private final Secp256k1PrivateKey holder = Secp256k1PrivateKey.generate(random);
  private final Secp256k1PrivateKey vault = Secp256k1PrivateKey.generate(random);
  private final AttestationId id = new AttestationId(Hashing.keccak256(new byte[] {7}));
  private final Opening opening = Opening.random(1_500_000);
  private final Commitment onChain = opening.commitment();

  @AfterEach
  void wipe() {
    opening.wipe();
  }

  private SealedOpening fromIssuer() {
    return openings.sealToHolder(opening, holder.address(), holder.publicKey(), id, random);
  }

  @Test
  void shouldOpenWhatTheIssuerSealedToTheHoldersKey() {
    try (Opening back = openings.open(fromIssuer(), holder, id, onChain)) {
      assertThat(back.value()).isEqualTo(1_500_000);
      assertThat(back.commitment()).isEqualTo(onChain);
    }
  }

  @Test
  void shouldResealToTheVaultSoOnlyTheVaultKeyOpensIt() {
    SealedOpening forVault =
        openings.reseal(fromIssuer(), holder, id, onChain, vault.publicKey(), random);
    try (Opening atVault = sealer.open(forVault, vault, id)) {
      assertThat(atVault.value()).isEqualTo(1_500_000);
      assertThat(atVault.blinding()).isEqualTo(opening.blinding());
    }
    assertThatThrownBy(() -> sealer.open(forVault, holder, id))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void shouldRefuseToSealToAKeyOfAnotherAccount() {
    Secp256k1PrivateKey other = Secp256k1PrivateKey.generate(random);
    assertThatThrownBy(
            () -> openings.sealToHolder(opening, holder.address(), other.publicKey(), id, random))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("not of the holder " + holder.address());
  }

  @Test
  void shouldNotOpenWithAnotherAccountsKey() {
    Secp256k1PrivateKey other = Secp256k1PrivateKey.generate(random);
    SealedOpening sealed = fromIssuer();
    assertThatThrownBy(() -> openings.open(sealed, other, id, onChain))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not decrypt");
    assertThatThrownBy(() -> openings.reseal(sealed, other, id, onChain, vault.publicKey(), random))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void shouldRefuseAnOpeningOfAnotherCommitment() {
    SealedOpening sealed = fromIssuer();
    try (Opening other = Opening.random(1_500_000)) {
      Commitment elsewhere = other.commitment();
      assertThatThrownBy(() -> openings.open(sealed, holder, id, elsewhere))
          .isInstanceOf(DataSharingException.class)
          .hasMessageContaining("does not open the on-chain commitment");
      assertThatThrownBy(
              () -> openings.reseal(sealed, holder, id, elsewhere, vault.publicKey(), random))
          .isInstanceOf(DataSharingException.class)
          .hasMessageContaining("does not open the on-chain commitment");
    }
  }

  @Test
  void shouldNotOpenForAnotherAttestation() {
    AttestationId another = new AttestationId(Hashing.keccak256(new byte[] {8}));
    assertThatThrownBy(() -> openings.open(fromIssuer(), holder, another, onChain))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not decrypt");
  }
}
