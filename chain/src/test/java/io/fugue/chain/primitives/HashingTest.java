package io.fugue.chain.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashingTest {
  @Test
  void shouldComputeKeccakOfEmptyInputAsEthereumDoes() {
    // keccak256("") as used throughout Ethereum (e.g. the empty code hash in the Yellow Paper).
    assertThat(Hashing.keccak256(new byte[0]).toHex())
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void shouldComputeKeccakNotSha3() {
    // keccak256("abc"); NIST SHA3-256("abc") would be 3a985da7...
    assertThat(Hashing.keccak256("abc".getBytes(StandardCharsets.US_ASCII)).toHex())
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }

  @Test
  void shouldHashPartsAsTheirConcatenation() {
    Bytes a = Bytes.fromHex("0102");
    Bytes b = Bytes.fromHex("030405");
    assertThat(Hashing.keccak256(a, b)).isEqualTo(Hashing.keccak256(Bytes.concat(a, b)));
  }

  @Test
  void shouldComputeSha256TestVector() {
    // FIPS 180-2 appendix B.1: SHA-256("abc").
    assertThat(Hashing.sha256("abc".getBytes(StandardCharsets.US_ASCII)).toHex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
