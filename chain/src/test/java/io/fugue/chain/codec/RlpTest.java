package io.fugue.chain.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors from ethereum/tests {@code RLPTests/rlptest.json} (valid) and {@code
 * RLPTests/invalidRLPTest.json} (invalid), named as in those files.
 */
class RlpTest {
  private static final CodecLimits LIMITS = CodecLimits.defaults();

  private static RlpString str(String s) {
    return RlpString.of(Bytes.of(s.getBytes(StandardCharsets.US_ASCII)));
  }

  private static void assertVector(RlpItem item, String hex) {
    Bytes expected = Bytes.fromHex(hex);
    assertThat(Rlp.encode(item)).isEqualTo(expected);
    assertThat(Rlp.decode(expected, LIMITS)).isEqualTo(item);
  }

  @Test
  void shouldMatchEthereumStringVectors() {
    assertVector(str(""), "80"); // emptystring
    assertVector(RlpString.of(Bytes.of((byte) 0)), "00"); // bytestring00
    assertVector(RlpString.of(Bytes.of((byte) 0x7f)), "7f"); // bytestring7F
    assertVector(str("dog"), "83646f67"); // shortstring
    assertVector(
        str("Lorem ipsum dolor sit amet, consectetur adipisicing eli"), // shortstring2
        "b74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164"
            + "697069736963696e6720656c69");
    assertVector(
        str("Lorem ipsum dolor sit amet, consectetur adipisicing elit"), // longstring
        "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e736563746574757220616"
            + "4697069736963696e6720656c6974");
  }

  @ParameterizedTest
  @CsvSource({
    "0,80",
    "1,01",
    "16,10",
    "79,4f",
    "127,7f",
    "128,8180",
    "1000,8203e8",
    "100000,830186a0"
  })
  void shouldMatchEthereumIntegerVectors(long value, String hex) {
    assertVector(RlpString.ofUint(value), hex);
    assertThat(Rlp.decode(Bytes.fromHex(hex), LIMITS).asString().asUint64()).isEqualTo(value);
  }

  @Test
  void shouldMatchEthereumBigIntegerVectors() {
    Uint256 medium4 = Uint256.of(new BigInteger("83729609699884896815286331701780722"));
    assertVector(RlpString.ofUint256(medium4), "8f102030405060708090a0b0c0d0e0f2");
    // bigint = 2^256: a valid RLP string, but not a uint256.
    RlpString bigint =
        Rlp.decode(
                Bytes.fromHex(
                    "a1010000000000000000000000000000000000000000000000000000000000000000"),
                LIMITS)
            .asString();
    assertThatThrownBy(bigint::asUint256).isInstanceOf(CodecException.class);
  }

  @Test
  void shouldMatchEthereumListVectors() {
    assertVector(RlpList.of(), "c0"); // emptylist
    assertVector(RlpList.of(str("dog"), str("god"), str("cat")), "cc83646f6783676f6483636174");
    assertVector(
        RlpList.of(str("zw"), RlpList.of(RlpString.ofUint(4)), RlpString.ofUint(1)),
        "c6827a77c10401"); // multilist
    assertVector(RlpList.of(RlpList.of(RlpList.of(), RlpList.of()), RlpList.of()), "c4c2c0c0c0");
    assertVector(
        RlpList.of(
            RlpList.of(),
            RlpList.of(RlpList.of()),
            RlpList.of(RlpList.of(), RlpList.of(RlpList.of()))),
        "c7c0c1c0c3c0c1c0"); // listsoflists2
    List<RlpItem> abc = List.of(str("asdf"), str("qwer"), str("zxcv"));
    String abcHex = "cf84617364668471776572847a786376";
    assertVector(
        new RlpList(Collections.nCopies(4, new RlpList(abc))), // longList1
        "f840" + abcHex.repeat(4));
    assertVector(
        new RlpList(Collections.nCopies(32, new RlpList(abc))), // longList2
        "f90200" + abcHex.repeat(32));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bf0f000000000000021111", // int32Overflow
        "ff0f000000000000021111", // int32Overflow2
        "f80180", // wrongSizeList
        "f80100", // wrongSizeList2
        "b9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df0", // incorrectLengthInArray
        "8100",
        "8101",
        "817f", // bytesShouldBeSingleByte00/01/7F
        "b800", // leadingZerosInLongLengthArray2
        "f800", // leadingZerosInLongLengthList2
        "b81000112233445566778899aabbccddeeff", // nonOptimalLongLengthArray1
        "b801ff", // nonOptimalLongLengthArray2
        "f810000102030405060708090a0b0c0d0e0f", // nonOptimalLongLengthList1
        "f803112233", // nonOptimalLongLengthList2
        "f861f83eb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df027b9001500"
            + "2d5ef8325ae4d034df55d4b58d0dfba64d61ddd17be00000b9001a00dae30907045a2f66fa36f2bb8aa9029c"
            + "bb0b8a7b3b5c435ab331", // randomRLP
      })
  void shouldRejectEthereumInvalidVectors(String hex) {
    assertThatThrownBy(() -> Rlp.decode(Bytes.fromHex(hex), LIMITS))
        .isInstanceOf(CodecException.class);
  }

  @Test
  void shouldRejectLeadingZerosInLongLengths() {
    // leadingZerosInLongLengthArray1 and leadingZerosInLongLengthList1 (payload 0x00..0x3f).
    StringBuilder payload = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      payload.append(String.format("%02x", i));
    }
    for (String prefix : List.of("b90040", "fb00000040")) {
      assertThatThrownBy(() -> Rlp.decode(Bytes.fromHex(prefix + payload), LIMITS))
          .isInstanceOf(CodecException.class);
    }
  }

  @Test
  void shouldRejectTrailingBytesAndEmptyInput() {
    assertThatThrownBy(() -> Rlp.decode(Bytes.fromHex("8301020300"), LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> Rlp.decode(Bytes.EMPTY, LIMITS)).isInstanceOf(CodecException.class);
  }

  @Test
  void shouldRejectNonCanonicalIntegers() {
    assertThatThrownBy(() -> RlpString.of(Bytes.fromHex("00")).asUint64())
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("leading zero");
    assertThatThrownBy(() -> RlpString.of(Bytes.fromHex("0001")).asUint256())
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> RlpString.of(Bytes.fromHex("8000000000000000")).asUint64())
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> RlpString.of(Bytes.fromHex("010000000000000000")).asUint64())
        .isInstanceOf(CodecException.class);
    assertThat(RlpString.of(Bytes.fromHex("7fffffffffffffff")).asUint64())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void shouldEnforceDepthItemAndSizeLimits() {
    RlpItem deep = RlpList.of();
    for (int i = 0; i < 20; i++) {
      deep = RlpList.of(deep);
    }
    Bytes deepBytes = Rlp.encode(deep);
    assertThatThrownBy(() -> Rlp.decode(deepBytes, LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("deeper");
    assertThat(Rlp.decode(deepBytes, LIMITS.withMaxDepth(21))).isEqualTo(deep);

    List<RlpItem> many = new ArrayList<>(Collections.nCopies(100, RlpString.EMPTY));
    Bytes manyBytes = Rlp.encode(new RlpList(many));
    assertThatThrownBy(() -> Rlp.decode(manyBytes, LIMITS.withMaxItems(100)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("items");

    Bytes big = Rlp.encode(RlpString.of(Bytes.of(new byte[1000])));
    assertThatThrownBy(() -> Rlp.decode(big, LIMITS.withMaxStringBytes(999)))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> Rlp.decode(big, LIMITS.withMaxInputBytes(1000)))
        .isInstanceOf(CodecException.class);
  }

  @Test
  void shouldRejectHugeDeclaredLengthWithoutAllocating() {
    // Declares a 4 GiB - 1 string in 5 bytes.
    assertThatThrownBy(() -> Rlp.decode(Bytes.fromHex("bbffffffff"), LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("overruns");
  }

  @Test
  void shouldRoundTripTypedValuesAndRejectHighTypeBytes() {
    RlpList payload = RlpList.of(RlpString.ofUint(7));
    Bytes typed = Rlp.encodeTyped(2, payload);
    assertThat(typed).isEqualTo(Bytes.fromHex("02c107"));
    Rlp.Typed decoded = Rlp.decodeTyped(typed, LIMITS);
    assertThat(decoded.type()).isEqualTo(2);
    assertThat(decoded.payload()).isEqualTo(payload);
    assertThatThrownBy(() -> Rlp.decodeTyped(Bytes.fromHex("80c107"), LIMITS))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> Rlp.decodeTyped(Bytes.fromHex("02"), LIMITS))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> Rlp.decodeTyped(Bytes.fromHex("02c10700"), LIMITS))
        .isInstanceOf(CodecException.class);
  }

  @Test
  void shouldReportWrongShapeClearly() {
    RlpList list = RlpList.of(RlpString.ofUint(1));
    assertThatThrownBy(() -> list.list(0)).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> list.string(1)).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> list.expectSize(2, "header"))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("header");
  }
}
