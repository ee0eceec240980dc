package io.fugue.chain.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Uint256Test {
  @Test
  void shouldDetectOverflowOnAdd() {
    assertThat(Uint256.MAX.tryAdd(Uint256.ONE)).isEmpty();
    assertThatThrownBy(() -> Uint256.MAX.add(Uint256.ONE)).isInstanceOf(ArithmeticException.class);
    assertThat(Uint256.MAX.subtract(Uint256.ONE).add(Uint256.ONE)).isEqualTo(Uint256.MAX);
  }

  @Test
  void shouldDetectUnderflowOnSubtract() {
    assertThat(Uint256.ZERO.trySubtract(Uint256.ONE)).isEmpty();
    assertThatThrownBy(() -> Uint256.of(5).subtract(Uint256.of(6)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldRejectOutOfRangeValues() {
    assertThatThrownBy(() -> Uint256.of(BigInteger.ONE.shiftLeft(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Uint256.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Uint256.MAX.multiply(Uint256.of(2)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldUseMinimalBigEndianBytes() {
    assertThat(Uint256.ZERO.toMinimalBytes()).isEqualTo(Bytes.EMPTY);
    assertThat(Uint256.of(0x80).toMinimalBytes()).isEqualTo(Bytes.fromHex("80"));
    assertThat(Uint256.of(0x0100).toMinimalBytes()).isEqualTo(Bytes.fromHex("0100"));
    assertThat(Uint256.MAX.toMinimalBytes().size()).isEqualTo(32);
    assertThat(Uint256.fromBytes(Uint256.MAX.toMinimalBytes())).isEqualTo(Uint256.MAX);
  }
}
