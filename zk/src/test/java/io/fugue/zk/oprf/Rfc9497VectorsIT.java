package io.fugue.zk.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of RFC 9497, Appendix A.1.2 (ristretto255-SHA512, VOPRF mode), run through the
 * Java API over the real JNI library. Source of the values: RFC 9497 "Oblivious Pseudorandom
 * Functions (OPRFs) Using Prime-Order Groups", Appendix A.1.2, test vectors 1–3 (the same text as
 * the final draft-irtf-cfrg-voprf, github.com/cfrg/draft-irtf-cfrg-voprf).
 */
class Rfc9497VectorsIT {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SEED = HEX.parseHex("a3".repeat(32));
  private static final byte[] KEY_INFO = HEX.parseHex("74657374206b6579");
  private static final String SK =
      "e6f73f344b79b379f1a0dd37e07ff62e38d9f71345ce62ae3a9bc60b04ccd909";
  private static final String PK =
      "c803e2cc6b05fc15064549b5920659ca4a77b2cca6f04f6b357009335476ad4e";
  private static final String BLIND_1 =
      "64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706";
  private static final String BLIND_2 =
      "222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e";
  private static final String INPUT_2 = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";
  private static final String OUTPUT_1 =
      "b58cfbe118e0cb94d79b5fd6a6dafb98764dff49c14e1770b566e42402da1a7d"
          + "a4d8527693914139caee5bd03903af43a491351d23b430948dd50cde10d32b3c";
  private static final String OUTPUT_2 =
      "8a9a2f3c7f085b65933594309041fc1898d42d0858e59f90814ae90571a6df60"
          + "356f4610bf816f27afdd84f47719e480906d27ecd994985890e5f539e7ea74b6";

  private static OprfKeyPair key() {
    OprfKeyPair key = OprfKeyPair.derive(SEED, KEY_INFO);
    assertThat(HEX.formatHex(key.secretKey())).isEqualTo(SK);
    assertThat(HEX.formatHex(key.publicKey())).isEqualTo(PK);
    return key;
  }

  private static void check(
      List<String> inputs,
      List<String> blinds,
      List<String> blindedExpected,
      List<String> evaluatedExpected,
      String proofRandomness,
      String proofExpected,
      List<String> outputs) {
    OprfKeyPair key = key();
    List<OprfClient.Blinded> batch = new java.util.ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      OprfClient.Blinded b =
          OprfClient.blind(HEX.parseHex(inputs.get(i)), HEX.parseHex(blinds.get(i)));
      assertThat(HEX.formatHex(b.element())).isEqualTo(blindedExpected.get(i));
      batch.add(b);
    }
    Evaluation ev =
        new OprfServer(key).evaluate(OprfClient.elements(batch), HEX.parseHex(proofRandomness));
    assertThat(ev.elements().stream().map(HEX::formatHex).toList()).isEqualTo(evaluatedExpected);
    assertThat(HEX.formatHex(ev.proof())).isEqualTo(proofExpected);
    List<byte[]> out = OprfClient.finalizeBatch(key.publicKey(), batch, ev);
    assertThat(out.stream().map(HEX::formatHex).toList()).isEqualTo(outputs);
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(HEX.formatHex(new OprfServer(key).evaluateDirect(HEX.parseHex(inputs.get(i)))))
          .isEqualTo(outputs.get(i));
    }
  }

  @Test
  void vector1BatchSize1() {
    check(
        List.of("00"),
        List.of(BLIND_1),
        List.of("863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945"),
        List.of("aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e"),
        BLIND_2,
        "ddef93772692e535d1a53903db24367355cc2cc78de93b3be5a8ffcc6985dd06"
            + "6d4346421d17bf5117a2a1ff0fcb2a759f58a539dfbe857a40bce4cf49ec600d",
        List.of(OUTPUT_1));
  }

  @Test
  void vector2BatchSize1() {
    check(
        List.of(INPUT_2),
        List.of(BLIND_1),
        List.of("cc0b2a350101881d8a4cba4c80241d74fb7dcbfde4a61fde2f91443c2bf9ef0c"),
        List.of("60a59a57208d48aca71e9e850d22674b611f752bed48b36f7a91b372bd7ad468"),
        BLIND_2,
        "401a0da6264f8cf45bb2f5264bc31e109155600babb3cd4e5af7d181a2c9dc0a"
            + "67154fabf031fd936051dec80b0b6ae29c9503493dde7393b722eafdf5a50b02",
        List.of(OUTPUT_2));
  }

  @Test
  void vector3BatchSize2() {
    check(
        List.of("00", INPUT_2),
        List.of(BLIND_1, BLIND_2),
        List.of(
            "863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945",
            "90a0145ea9da29254c3a56be4fe185465ebb3bf2a1801f7124bbbadac751e654"),
        List.of(
            "aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e",
            "cc5ac221950a49ceaa73c8db41b82c20372a4c8d63e5dded2db920b7eee36a2a"),
        "419c4f4f5052c53c45f3da494d2b67b220d02118e0857cdbcf037f9ea84bbe0c",
        "cc203910175d786927eeb44ea847328047892ddf8590e723c37205cb74600b0a"
            + "5ab5337c8eb4ceae0494c2cf89529dcf94572ed267473d567aeed6ab873dee08",
        List.of(OUTPUT_1, OUTPUT_2));
  }

  @Test
  void wrongKeyOrTamperedProofIsRefused() {
    OprfKeyPair key = key();
    List<OprfClient.Blinded> batch = List.of(OprfClient.blind(new byte[] {1, 2, 3}));
    Evaluation ev = new OprfServer(key).evaluate(OprfClient.elements(batch));
    byte[] otherKey = OprfKeyPair.generate().publicKey();
    assertThatThrownBy(() -> OprfClient.finalizeBatch(otherKey, batch, ev))
        .isInstanceOf(OprfException.class)
        .hasMessageContaining("proof does not verify");
    byte[] proof = ev.proof();
    proof[3] ^= 1;
    Evaluation tampered = new Evaluation(ev.elements(), proof);
    assertThat(OprfClient.verify(key.publicKey(), OprfClient.elements(batch), tampered)).isFalse();
    assertThat(OprfClient.verify(key.publicKey(), OprfClient.elements(batch), ev)).isTrue();
  }

  @Test
  void largeBatchUnderOneProofAndLimits() {
    OprfKeyPair key = OprfKeyPair.generate();
    List<OprfClient.Blinded> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      batch.add(
          OprfClient.blind(
              ("user" + i + "@example.com").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    Evaluation ev = new OprfServer(key).evaluate(OprfClient.elements(batch));
    assertThat(ev.elements()).hasSize(10_000);
    List<byte[]> out = OprfClient.finalizeBatch(key.publicKey(), batch, ev);
    assertThat(out.get(9_999))
        .isEqualTo(
            new OprfServer(key)
                .evaluateDirect(
                    "user9999@example.com".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<byte[]> tooMany = new java.util.ArrayList<>(OprfClient.elements(batch));
    tooMany.add(batch.get(0).element());
    assertThatThrownBy(() -> new OprfServer(key).evaluate(tooMany))
        .isInstanceOf(OprfException.class);
    assertThatThrownBy(() -> new OprfServer(key).evaluate(List.of(new byte[32])))
        .isInstanceOf(OprfException.class)
        .hasMessageContaining("identity");
    assertThatThrownBy(() -> new OprfServer(key).evaluate(List.of(new byte[31])))
        .isInstanceOf(OprfException.class);
    assertThatThrownBy(() -> OprfClient.blind(new byte[1], new byte[32]))
        .isInstanceOf(OprfException.class)
        .hasMessageContaining("zero");
  }
}
