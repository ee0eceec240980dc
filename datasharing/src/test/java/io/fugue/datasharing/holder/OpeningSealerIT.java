package io.fugue.datasharing.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.zk.Opening;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningSealerIT {
  private final SecureRandom random = new SecureRandom();
  private final OpeningSealer sealer = new OpeningSealer();
  private final Secp256k1PrivateKey holder = Secp256k1PrivateKey.generate(random);
  private final AttestationId id = new AttestationId(Hashing.keccak256(new byte[] {1}));
  private final Opening opening = Opening.random(1_500_000);

  @Test
  void shouldRoundTripAnOpeningToItsRecipient() {
    SealedOpening sealed = sealer.seal(opening, holder.publicKey(), id, random);
    SealedOpening decoded = SealedOpening.decode(sealed.encode());
    try (Opening back = sealer.open(decoded, holder, id)) {
      assertThat(back.value()).isEqualTo(1_500_000);
      assertThat(back.blinding()).isEqualTo(opening.blinding());
      assertThat(back.commitment()).isEqualTo(opening.commitment());
    }
  }

  @Test
  void shouldUseAFreshEphemeralKeyAndNonceEachTime() {
    SealedOpening a = sealer.seal(opening, holder.publicKey(), id, random);
    SealedOpening b = sealer.seal(opening, holder.publicKey(), id, random);
    assertThat(a.ephemeralKey()).isNotEqualTo(b.ephemeralKey());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
  }

  @Test
  void shouldNotOpenWithAnotherKey() {
    SealedOpening sealed = sealer.seal(opening, holder.publicKey(), id, random);
    Secp256k1PrivateKey other = Secp256k1PrivateKey.generate(random);
    assertThatThrownBy(() -> sealer.open(sealed, other, id))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void shouldNotOpenForAnotherAttestation() {
    SealedOpening sealed = sealer.seal(opening, holder.publicKey(), id, random);
    AttestationId other = new AttestationId(Hash32.ZERO);
    assertThatThrownBy(() -> sealer.open(sealed, holder, other))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not decrypt");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20, 34, 40, 46, 60, 101})
  void shouldRejectAnyFlippedByte(int position) {
    byte[] bytes = sealer.seal(opening, holder.publicKey(), id, random).encode().toArray();
    bytes[position] ^= 0x01;
    assertThatThrownBy(() -> sealer.open(SealedOpening.decode(Bytes.of(bytes)), holder, id))
        .isInstanceOf(DataSharingException.class);
  }

  @Test
  void shouldRejectMalformedEncodings() {
    Bytes good = sealer.seal(opening, holder.publicKey(), id, random).encode();
    assertThatThrownBy(() -> SealedOpening.decode(good.slice(0, good.size() - 1)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("102 bytes");
    byte[] version = good.toArray();
    version[0] = 2;
    assertThatThrownBy(() -> SealedOpening.decode(Bytes.of(version)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("version");
    byte[] notAPoint = good.toArray();
    notAPoint[1] = 0x04;
    assertThatThrownBy(() -> sealer.open(SealedOpening.decode(Bytes.of(notAPoint)), holder, id))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("ephemeral key");
  }

  @Test
  void shouldNeverShowTheOpeningInText() {
    SealedOpening sealed = sealer.seal(opening, holder.publicKey(), id, random);
    assertThat(sealed.toString()).doesNotContain(sealed.ciphertext().toHex());
    assertThat(opening.toString()).doesNotContain("1500000").contains("redacted");
  }
}
