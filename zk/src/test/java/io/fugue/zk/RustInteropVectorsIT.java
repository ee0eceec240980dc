package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proofs serialized by the Rust {@code bulletproofs} crate (written by the ignored cargo test
 * {@code write_interop_vectors} in native/rust/zk/vectors.rs) verify through the Java API: our
 * proof format is the crate's format.
 */
class RustInteropVectorsIT {
  private static final String RESOURCE = "/io/fugue/zk/rust-range-proof-vectors.txt";

  private final RangeVerifier verifier = new RangeVerifier();

  record Vector(
      int n, int m, String label, byte[] context, List<Commitment> commitments, byte[] proof) {}

  @Test
  void shouldVerifyEveryProofSerializedByTheRustCrate() throws IOException {
    List<Vector> vectors = read();
    assertThat(vectors).hasSize(6);
    for (Vector v : vectors) {
      RangeProof proof = RangeProof.of(v.proof(), v.n(), v.m());
      TranscriptContext ctx = TranscriptContext.of(v.label(), v.context());
      Verification result = verifier.allInRange(v.commitments(), BitSize.of(v.n()), proof, ctx);
      assertThat(result).as("n=%d m=%d", v.n(), v.m()).isEqualTo(Verification.VALID);
    }
  }

  @Test
  void shouldRejectTheSameVectorsUnderAnotherContext() throws IOException {
    for (Vector v : read()) {
      RangeProof proof = RangeProof.of(v.proof(), v.n(), v.m());
      TranscriptContext other =
          TranscriptContext.of(v.label(), "another".getBytes(StandardCharsets.UTF_8));
      assertThat(verifier.allInRange(v.commitments(), BitSize.of(v.n()), proof, other).isValid())
          .isFalse();
    }
  }

  static List<Vector> read() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (InputStream in = RustInteropVectorsIT.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        out.add(parse(line));
      }
    }
    return out;
  }

  private static Vector parse(String line) {
    Map<String, String> f = new HashMap<>();
    for (String kv : line.trim().split(" ")) {
      int eq = kv.indexOf('=');
      f.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    HexFormat hex = HexFormat.of();
    byte[] cs = hex.parseHex(f.get("commitments"));
    List<Commitment> commitments = new ArrayList<>();
    for (int i = 0; i < cs.length; i += 32) {
      commitments.add(Commitment.of(java.util.Arrays.copyOfRange(cs, i, i + 32)));
    }
    return new Vector(
        Integer.parseInt(f.get("n")),
        Integer.parseInt(f.get("m")),
        new String(hex.parseHex(f.get("label")), StandardCharsets.UTF_8),
        hex.parseHex(f.get("context")),
        commitments,
        hex.parseHex(f.get("proof")));
  }
}
