package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerificationTest {

  @Test
  void shouldThrowTheReasonOnlyWhenInvalid() {
    assertThatCode(Verification.VALID::orThrow).doesNotThrowAnyException();
    Verification bad = Verification.invalid("proof does not verify");
    assertThat(bad.isValid()).isFalse();
    assertThatThrownBy(bad::orThrow)
        .isInstanceOf(ZkException.class)
        .hasMessage("invalid range proof: proof does not verify");
  }

  @Test
  void shouldRequireAReason() {
    assertThatThrownBy(() -> Verification.invalid("")).isInstanceOf(ZkException.class);
  }

  @Test
  void shouldOnlyAcceptTheFourBitSizes() {
    assertThat(BitSize.of(32)).isEqualTo(BitSize.B32);
    assertThatThrownBy(() -> BitSize.of(24)).isInstanceOf(ZkException.class);
  }
}
