package io.fugue.zk.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 3-of-5 threshold evaluation over the real JNI library. */
class ThresholdOprfIT {
  private static final int T = 3;
  private static final int N = 5;

  private static Map<Integer, byte[]> publicShares(List<KeyShare> shares) {
    Map<Integer, byte[]> out = new HashMap<>();
    shares.forEach(s -> out.put(s.index(), s.publicShare()));
    return out;
  }

  private static List<OprfClient.Blinded> batch(String... inputs) {
    List<OprfClient.Blinded> out = new ArrayList<>();
    for (String s : inputs) {
      out.add(OprfClient.blind(s.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void combinedResultEqualsSingleKeyEvaluationUnderTheCombinedKey() {
    OprfKeyPair whole = OprfKeyPair.generate();
    List<KeyShare> shares = ThresholdOprf.split(whole.secretKey(), T, N);
    List<OprfClient.Blinded> batch = batch("alice@example.com", "+14155550100", "bob@example.org");
    List<byte[]> blinded = OprfClient.elements(batch);
    // Nodes 2, 4 and 5 answer; each proves against its own public share.
    List<ThresholdOprf.NodeAnswer> answers = new ArrayList<>();
    for (int i : new int[] {2, 4, 5}) {
      KeyShare s = shares.get(i - 1);
      answers.add(new ThresholdOprf.NodeAnswer(i, new OprfServer(s.keyPair()).evaluate(blinded)));
    }
    ThresholdOprf.Combined combined =
        ThresholdOprf.combine(T, publicShares(shares), blinded, answers);
    assertThat(combined.rejectedNodes()).isEmpty();
    // The combined elements are exactly the single-key RFC 9497 evaluation under the whole key.
    Evaluation single = new OprfServer(whole).evaluate(blinded);
    for (int i = 0; i < blinded.size(); i++) {
      assertThat(combined.elements().get(i)).isEqualTo(single.elements().get(i));
    }
    List<byte[]> outputs = ThresholdOprf.finalizeOutputs(batch, combined);
    assertThat(outputs).hasSize(3);
    for (int i = 0; i < batch.size(); i++) {
      assertThat(outputs.get(i))
          .isEqualTo(new OprfServer(whole).evaluateDirect(batch.get(i).input()));
    }
    assertThat(
            ThresholdOprf.groupPublicKey(
                Map.of(
                    1,
                    shares.get(0).publicShare(),
                    3,
                    shares.get(2).publicShare(),
                    5,
                    shares.get(4).publicShare())))
        .isEqualTo(whole.publicKey());
  }

  @Test
  void wrongEvaluationOrProofIsDetectedAndTheNodeNamed() {
    OprfKeyPair whole = OprfKeyPair.generate();
    List<KeyShare> shares = ThresholdOprf.split(whole.secretKey(), T, N);
    List<OprfClient.Blinded> batch = batch("carol@example.com");
    List<byte[]> blinded = OprfClient.elements(batch);
    List<ThresholdOprf.NodeAnswer> answers = new ArrayList<>();
    // Node 1 evaluates with a key that is not its share (a consistent proof, but for another key).
    OprfKeyPair rogue = OprfKeyPair.generate();
    answers.add(new ThresholdOprf.NodeAnswer(1, new OprfServer(rogue).evaluate(blinded)));
    // Node 2 returns a good evaluation with a tampered proof.
    Evaluation good2 = new OprfServer(shares.get(1).keyPair()).evaluate(blinded);
    byte[] proof = good2.proof();
    proof[40] ^= 0x01;
    answers.add(new ThresholdOprf.NodeAnswer(2, new Evaluation(good2.elements(), proof)));
    for (int i : new int[] {3, 4, 5}) {
      answers.add(
          new ThresholdOprf.NodeAnswer(
              i, new OprfServer(shares.get(i - 1).keyPair()).evaluate(blinded)));
    }
    ThresholdOprf.Combined combined =
        ThresholdOprf.combine(T, publicShares(shares), blinded, answers);
    assertThat(combined.rejectedNodes()).containsExactly(1, 2);
    assertThat(ThresholdOprf.finalizeOutputs(batch, combined).get(0))
        .isEqualTo(new OprfServer(whole).evaluateDirect(batch.get(0).input()));

    // Only two honest answers left: a clear error naming the rejected nodes.
    List<ThresholdOprf.NodeAnswer> tooFew = answers.subList(0, 4);
    assertThatThrownBy(() -> ThresholdOprf.combine(T, publicShares(shares), blinded, tooFew))
        .isInstanceOf(ThresholdException.class)
        .hasMessageContaining("need 3 valid node evaluations, got 2")
        .satisfies(e -> assertThat(((ThresholdException) e).rejectedNodes()).containsExactly(1, 2));
  }

  @Test
  void fewerThanTAnswersIsAClearError() {
    OprfKeyPair whole = OprfKeyPair.generate();
    List<KeyShare> shares = ThresholdOprf.split(whole.secretKey(), T, N);
    List<byte[]> blinded = OprfClient.elements(batch("dave@example.com"));
    List<ThresholdOprf.NodeAnswer> two =
        List.of(
            new ThresholdOprf.NodeAnswer(
                1, new OprfServer(shares.get(0).keyPair()).evaluate(blinded)),
            new ThresholdOprf.NodeAnswer(
                2, new OprfServer(shares.get(1).keyPair()).evaluate(blinded)));
    assertThatThrownBy(() -> ThresholdOprf.combine(T, publicShares(shares), blinded, two))
        .isInstanceOf(ThresholdException.class)
        .hasMessage("need 3 valid node evaluations, got 2");
    // A node answering twice counts once.
    List<ThresholdOprf.NodeAnswer> dup = new ArrayList<>(two);
    dup.add(two.get(0));
    assertThatThrownBy(() -> ThresholdOprf.combine(T, publicShares(shares), blinded, dup))
        .isInstanceOf(ThresholdException.class);
    assertThatThrownBy(() -> ThresholdOprf.split(whole.secretKey(), 4, 3))
        .isInstanceOf(OprfException.class);
  }
}
