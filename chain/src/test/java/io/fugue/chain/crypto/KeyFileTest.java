package io.fugue.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.chain.primitives.Bytes;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyFileTest {
  // The smallest accepted cost keeps the test fast; production uses ScryptParams.defaults().
  private static final KeyFile.ScryptParams FAST = new KeyFile.ScryptParams(1 << 10, 8, 1);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  @Test
  void shouldRoundTripBlsKey() {
    BlsSecretKey key = BlsTest.key(7);
    String json = KeyFile.encrypt(key, PASSWORD, FAST, RANDOM);
    assertThat(KeyFile.typeOf(json)).isEqualTo(KeyFile.KeyType.BLS12_381);
    assertThat(KeyFile.decryptBls(json, PASSWORD).toBytes()).isEqualTo(key.toBytes());
    assertThat(json).doesNotContain(key.toBytes().toHex()).contains("\"version\" : 1");
  }

  @Test
  void shouldRoundTripSecp256k1Key() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(RANDOM);
    String json = KeyFile.encrypt(key, PASSWORD, FAST, RANDOM);
    assertThat(KeyFile.decryptSecp256k1(json, PASSWORD)).isEqualTo(key);
    assertThat(json).contains(key.address().toBytes().toHex());
  }

  @Test
  void shouldRejectWrongPasswordClearly() {
    String json = KeyFile.encrypt(BlsTest.key(7), PASSWORD, FAST, RANDOM);
    assertThatThrownBy(() -> KeyFile.decryptBls(json, "wrong".toCharArray()))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("wrong password");
  }

  @Test
  void shouldRejectEditedHeaderAsAuthenticated() throws Exception {
    String json = KeyFile.encrypt(BlsTest.key(7), PASSWORD, FAST, RANDOM);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = (ObjectNode) mapper.readTree(json);
    doc.put("publicKey", BlsTest.key(8).publicKey().toBytes().toHex());
    assertThatThrownBy(() -> KeyFile.decryptBls(mapper.writeValueAsString(doc), PASSWORD))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("altered");
  }

  @Test
  void shouldRejectTamperedCiphertext() throws Exception {
    String json = KeyFile.encrypt(BlsTest.key(7), PASSWORD, FAST, RANDOM);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = (ObjectNode) mapper.readTree(json);
    byte[] ct = Bytes.fromHex(doc.get("ciphertext").asText()).toArray();
    ct[0] ^= 1;
    doc.put("ciphertext", Bytes.of(ct).toHex());
    assertThatThrownBy(() -> KeyFile.decryptBls(mapper.writeValueAsString(doc), PASSWORD))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void shouldRejectHostileScryptCostAndWrongKeyType() throws Exception {
    String json = KeyFile.encrypt(BlsTest.key(7), PASSWORD, FAST, RANDOM);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = (ObjectNode) mapper.readTree(json);
    doc.put("n", 1 << 30);
    assertThatThrownBy(() -> KeyFile.decryptBls(mapper.writeValueAsString(doc), PASSWORD))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("scrypt n");
    assertThatThrownBy(() -> KeyFile.decryptSecp256k1(json, PASSWORD))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("not secp256k1");
  }

  @Test
  void shouldRejectMalformedJsonAndUnknownVersion() throws Exception {
    assertThatThrownBy(() -> KeyFile.decryptBls("{not json", PASSWORD))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("JSON");
    assertThatThrownBy(() -> KeyFile.decryptBls("{\"extra\": 1}", PASSWORD))
        .isInstanceOf(CryptoException.class);
    String json = KeyFile.encrypt(BlsTest.key(7), PASSWORD, FAST, RANDOM);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = (ObjectNode) mapper.readTree(json);
    doc.put("version", 2);
    assertThatThrownBy(() -> KeyFile.decryptBls(mapper.writeValueAsString(doc), PASSWORD))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("version 2");
  }
}
