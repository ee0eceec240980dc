package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.HexBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Secp256k1SignatureVerifierTest {
  private final LedgerFixture f = new LedgerFixture();
  private final Secp256k1SignatureVerifier verifier = new Secp256k1SignatureVerifier();
  private final byte[] message =
      "Fugue API login\nchallenge: 0x01".getBytes(StandardCharsets.UTF_8);

  private HexBytes sign(int account, byte[] m) {
    return Convert.hex(f.key(account).sign(Secp256k1SignatureVerifier.digest(m)).toBytes());
  }

  @Test
  void shouldAcceptTheKeyOwnersSignature() {
    assertThat(verifier.verify(LedgerFixture.address(f.key(1)), message, sign(1, message)))
        .isTrue();
  }

  @Test
  void shouldRejectAnotherAccountsSignature() {
    assertThat(verifier.verify(LedgerFixture.address(f.key(1)), message, sign(2, message)))
        .isFalse();
  }

  @Test
  void shouldRejectASignatureOverAnotherMessage() {
    byte[] other = "Fugue API login\nchallenge: 0x02".getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.verify(LedgerFixture.address(f.key(1)), message, sign(1, other))).isFalse();
  }

  @Test
  void shouldReturnFalseForMalformedSignatures() {
    var who = LedgerFixture.address(f.key(1));
    assertThat(verifier.verify(who, message, HexBytes.of(new byte[65]))).isFalse();
    assertThat(verifier.verify(who, message, HexBytes.of(new byte[] {1, 2}))).isFalse();
    byte[] highV = sign(1, message).toArray();
    highV[64] = 7;
    assertThat(verifier.verify(who, message, HexBytes.of(highV))).isFalse();
  }
}
