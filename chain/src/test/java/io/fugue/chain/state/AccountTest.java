package io.fugue.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

class AccountTest {
  @Test
  void shouldEncodeAsFixedWidthBigEndian() {
    Account a = new Account(BigInteger.valueOf(0x0102), 0x0a0b);
    assertThat(a.encode()).isEqualTo(Bytes.fromHex("00".repeat(30) + "0102" + "0000000000000a0b"));
  }

  @Test
  void shouldEncodeTheLargestBalanceAndAnUnsignedNonce() {
    Account a = new Account(Account.BALANCE_LIMIT.subtract(BigInteger.ONE), -1L);
    assertThat(a.encode()).isEqualTo(Bytes.fromHex("ff".repeat(40)));
    assertThat(Account.decode(a.encode())).isEqualTo(a);
  }

  @Test
  void shouldRejectBalanceOutsideUint256() {
    assertThatThrownBy(() -> new Account(Account.BALANCE_LIMIT, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Account(BigInteger.valueOf(-1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectEncodingsOfAnotherLength() {
    assertThatThrownBy(() -> Account.decode(Bytes.of(new byte[39])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Account.decode(Bytes.of(new byte[41])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void shouldRoundTrip(
      @ForAll
          @BigRange(
              min = "0",
              max =
                  "115792089237316195423570985008687907853269984665640564039457584007913129639935")
          BigInteger balance,
      @ForAll long nonce) {
    Account a = new Account(balance, nonce);
    assertThat(a.encode().size()).isEqualTo(Account.ENCODED_SIZE);
    assertThat(Account.decode(a.encode())).isEqualTo(a);
  }
}
