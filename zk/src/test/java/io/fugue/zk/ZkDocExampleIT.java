package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked example in docs/zk.md ("The transcript, byte for byte") is what this code computes:
 * commitments, context bytes, every statement encoding and the derived commitments; and the proof
 * printed there (made by an independent prover, native/tests/zk_doc_prover.rs) verifies through the
 * Java API for its statement and context only. Editing the block, or the encodings, fails this.
 */
class ZkDocExampleIT {
  private static final HexFormat HEX = HexFormat.of();
  private static Map<String, String> ex;

  @BeforeAll
  static void readDoc() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "zk.md"), StandardCharsets.UTF_8);
    int marker = doc.indexOf("<!-- zk-example -->");
    assertThat(marker).as("docs/zk.md has the example marker").isPositive();
    int open = doc.indexOf("```text\n", marker) + "```text\n".length();
    int close = doc.indexOf("```", open);
    ex = new LinkedHashMap<>();
    String last = null;
    for (String line : doc.substring(open, close).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("    ") && last != null) {
        ex.merge(last, line.strip(), String::concat);
        continue;
      }
      int eq = line.indexOf(" =");
      last = line.substring(0, eq).strip();
      ex.put(last, line.substring(eq + 2).strip());
    }
  }

  private static long num(String key) {
    return Long.parseLong(ex.get(key));
  }

  private static byte[] hex(String key) {
    return HEX.parseHex(ex.get(key));
  }

  private static Opening opening(String v, String r) {
    return Opening.of(num(v), hex(r));
  }

  private static TranscriptContext context() {
    return TranscriptContext.ofParts(
        ex.get("label"), hex("queryId"), hex("attestationId"), hex("nonce"));
  }

  @Test
  void shouldComputeEveryOutputOfTheWorkedExample() {
    Commitment c = opening("v", "r").commitment();
    Commitment c2 = opening("v2", "r2").commitment();
    assertThat(c.toBytes()).isEqualTo(hex("C"));
    assertThat(c2.toBytes()).isEqualTo(hex("C2"));
    assertThat(context().context()).isEqualTo(hex("context"));

    Map<String, RangeStatement> statements =
        Map.of(
            "atLeast", RangeStatement.atLeast(c, num("t"), BitSize.B64),
            "atMost", RangeStatement.atMost(c, num("atMostT"), BitSize.B32),
            "between", RangeStatement.between(c, num("a"), num("b"), BitSize.B32),
            "sumAtLeast", RangeStatement.sumAtLeast(List.of(c, c2), num("sumT"), BitSize.B64),
            "allInRange", RangeStatement.allInRange(List.of(c, c2), BitSize.B64));
    statements.forEach(
        (name, s) -> {
          assertThat(HEX.formatHex(Statements.encode(s)))
              .as("statement." + name)
              .isEqualTo(ex.get("statement." + name));
          if (!name.equals("allInRange")) {
            assertThat(Statements.derivedCommitments(s))
                .as("derived." + name)
                .isEqualTo(hex("derived." + name));
          }
        });
  }

  @Test
  void shouldVerifyTheIndependentProversProofForItsStatementOnly() {
    Commitment c = opening("v", "r").commitment();
    RangeProof proof = RangeProof.of(hex("proof"), 64, 1);
    RangeVerifier verifier = new RangeVerifier();

    assertThat(
            verifier
                .verify(RangeStatement.atLeast(c, num("t"), BitSize.B64), proof, context())
                .isValid())
        .isTrue();
    assertThat(
            verifier
                .verify(RangeStatement.atLeast(c, num("t") - 1, BitSize.B64), proof, context())
                .isValid())
        .as("another threshold")
        .isFalse();
    TranscriptContext otherNonce =
        TranscriptContext.ofParts(
            ex.get("label"), hex("queryId"), hex("attestationId"), new byte[32]);
    assertThat(
            verifier
                .verify(RangeStatement.atLeast(c, num("t"), BitSize.B64), proof, otherNonce)
                .isValid())
        .as("another nonce")
        .isFalse();
  }
}
