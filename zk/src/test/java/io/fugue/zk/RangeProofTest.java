package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeProofTest {

  @Test
  void shouldHaveTheCratesProofSizes() {
    assertThat(RangeProof.length(BitSize.B64, 1)).isEqualTo(672);
    assertThat(RangeProof.length(BitSize.B64, 2)).isEqualTo(736);
    assertThat(RangeProof.length(BitSize.B64, 8)).isEqualTo(864);
    assertThat(RangeProof.length(BitSize.B64, 16)).isEqualTo(928);
    assertThat(RangeProof.length(BitSize.B64, 64)).isEqualTo(1056);
    assertThat(RangeProof.length(BitSize.B8, 1)).isEqualTo(480);
  }

  @Test
  void shouldRejectALengthThatDoesNotMatchNandM() {
    assertThatThrownBy(() -> RangeProof.of(new byte[671], 64, 1))
        .isInstanceOf(ZkException.class)
        .hasMessage("proof has 671 bytes; a proof for n=64, m=1 has 672");
    assertThatThrownBy(() -> RangeProof.of(new byte[0], 64, 1)).isInstanceOf(ZkException.class);
    assertThatThrownBy(() -> RangeProof.of(null, 64, 1))
        .isInstanceOf(ZkException.class)
        .hasMessage("proof must not be null");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 9, 12, 63, 65, 128, -64})
  void shouldRejectBitSizesOutsideTheFourAllowed(int n) {
    assertThatThrownBy(() -> RangeProof.of(new byte[672], n, 1))
        .isInstanceOf(ZkException.class)
        .hasMessage("bit size n must be 8, 16, 32 or 64, got " + n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 6, 12, 63, 65, 128, -1})
  void shouldRejectValueCountsThatAreNotAPowerOfTwoUpTo64(int m) {
    assertThatThrownBy(() -> RangeProof.of(new byte[672], 64, m))
        .isInstanceOf(ZkException.class)
        .hasMessageContaining("power of two from 1 to 64, got " + m);
  }

  @Test
  void shouldCompareByContentAndCopyBytes() {
    byte[] raw = new byte[480];
    RangeProof a = RangeProof.of(raw, 8, 1);
    raw[0] = 1;
    a.toBytes()[1] = 1;
    assertThat(a).isEqualTo(RangeProof.of(new byte[480], 8, 1));
    assertThat(a).isNotEqualTo(RangeProof.of(new byte[544], 16, 1));
    assertThat(a.toString()).startsWith("RangeProof[n=8, m=1, 480 bytes");
  }
}
