package io.fugue.chain.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
  // Examples from EIP-55 (https://eips.ethereum.org/EIPS/eip-55).
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
      })
  void shouldProduceAndAcceptEip55Checksums(String checksummed) {
    Address a = Address.fromHex(checksummed.toLowerCase(java.util.Locale.ROOT));
    assertThat(a.toChecksumHex()).isEqualTo(checksummed);
    assertThat(Address.fromHex(checksummed)).isEqualTo(a);
  }

  @Test
  void shouldRejectMixedCaseWithBadChecksum() {
    assertThatThrownBy(() -> Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EIP-55");
  }

  @Test
  void shouldRejectWrongLength() {
    assertThatThrownBy(() -> Address.fromHex("0x1234"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Address.of(new byte[21])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDeriveAddressFromPublicKeyAsEthereum() {
    // Public key of private key 1 (the secp256k1 generator G); its address is well known.
    Bytes g =
        Bytes.fromHex(
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    assertThat(Address.fromPublicKey(g.toArray()).toChecksumHex())
        .isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  }
}
