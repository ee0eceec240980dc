package io.fugue.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.api.http.ApiJson;
import org.junit.jupiter.api.Test;

class HexValuesTest {

  @Test
  void shouldRoundTripHexAndCopyDefensively() {
    byte[] raw = {1, 2, (byte) 0xff};
    HexBytes h = HexBytes.of(raw);
    raw[0] = 9;
    assertThat(h.toHex()).isEqualTo("0x0102ff");
    assertThat(HexBytes.fromHex("0x0102FF")).isEqualTo(h);
    h.toArray()[0] = 9;
    assertThat(h.toHex()).isEqualTo("0x0102ff");
  }

  @Test
  void shouldRejectMalformedHex() {
    assertThatThrownBy(() -> HexBytes.fromHex("0102")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HexBytes.fromHex("0x123"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HexBytes.fromHex("0xzz")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccountAddress.fromHex("0x" + "00".repeat(19)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Digest.fromHex("0x" + "00".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWriteValuesAsHexStringsInJson() {
    var view = new VaultEntry(Digest.fromHex("0x" + "ab".repeat(32)), 5);
    assertThat(ApiJson.encode(view).toString())
        .isEqualTo("{\"attestationId\":\"0x" + "ab".repeat(32) + "\",\"storedAt\":5}");
  }
}
