package io.fugue.zk.oprf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Joint-Feldman DKG for n = 4, t = 3 over the real JNI library, honest and with a cheater. */
class DkgIT {
  private static final int T = 3;
  private static final int N = 4;

  /**
   * Dealer 3 sends party 2 a wrong share; {@code liesAgain} decides how it answers the complaint.
   */
  private static final class CheatingDealer extends Dkg.Party {
    private final boolean liesAgain;

    CheatingDealer(int index, boolean liesAgain) {
      super(index, T, N);
      this.liesAgain = liesAgain;
    }

    @Override
    public byte[] shareFor(int recipient) {
      byte[] share = super.shareFor(recipient);
      return recipient == 2 ? Scalars.add(share, Scalars.of(1)) : share;
    }

    @Override
    public byte[] answer(Dkg.Complaint complaint) {
      return liesAgain ? shareFor(complaint.accuser()) : super.shareFor(complaint.accuser());
    }
  }

  /** Runs the protocol among the parties, passing messages in memory; returns the key shares. */
  private static Map<Integer, KeyShare> run(List<Dkg.Party> parties, List<Dkg.Outcome> outcomeOut) {
    Map<Integer, Dkg.Dealing> dealings = new HashMap<>();
    for (Dkg.Party p : parties) {
      dealings.put(p.index(), p.deal());
    }
    for (Dkg.Party dealer : parties) {
      for (Dkg.Party recipient : parties) {
        recipient.receive(dealings.get(dealer.index()), dealer.shareFor(recipient.index()));
      }
    }
    List<Dkg.Complaint> complaints = new ArrayList<>();
    parties.forEach(p -> complaints.addAll(p.complaints()));
    Map<Dkg.Complaint, byte[]> answers = new HashMap<>();
    for (Dkg.Complaint c : complaints) {
      byte[] revealed = parties.get(c.dealer() - 1).answer(c);
      answers.put(c, revealed);
      parties.get(c.accuser() - 1).acceptRevealed(dealings.get(c.dealer()), revealed);
    }
    Dkg.Outcome outcome = Dkg.qualify(T, N, dealings, complaints, answers);
    outcomeOut.add(outcome);
    Map<Integer, KeyShare> shares = new HashMap<>();
    for (Dkg.Party p : parties) {
      shares.put(p.index(), p.finish(outcome));
    }
    return shares;
  }

  /** The key is correct: every t-subset's evaluation verifies and all of them agree. */
  private static void assertKeyCorrect(Map<Integer, KeyShare> shares, Dkg.Outcome outcome) {
    Map<Integer, byte[]> publicShares = new HashMap<>();
    shares
        .values()
        .forEach(
            s -> {
              assertThat(s.publicShare()).isEqualTo(Scalars.baseMul(s.secretShare()));
              publicShares.put(s.index(), s.publicShare());
            });
    assertThat(publicShares).containsOnlyKeys(1, 2, 3, 4);
    byte[] input = "alice@example.com".getBytes(StandardCharsets.UTF_8);
    List<OprfClient.Blinded> batch = List.of(OprfClient.blind(input));
    List<byte[]> blinded = OprfClient.elements(batch);
    byte[] first = null;
    for (int[] subset : new int[][] {{1, 2, 3}, {1, 2, 4}, {1, 3, 4}, {2, 3, 4}}) {
      List<ThresholdOprf.NodeAnswer> answers = new ArrayList<>();
      Map<Integer, byte[]> sub = new HashMap<>();
      for (int i : subset) {
        answers.add(
            new ThresholdOprf.NodeAnswer(
                i, new OprfServer(shares.get(i).keyPair()).evaluate(blinded)));
        sub.put(i, publicShares.get(i));
      }
      assertThat(ThresholdOprf.groupPublicKey(sub)).isEqualTo(outcome.groupPublicKey());
      byte[] out =
          ThresholdOprf.finalizeOutputs(
                  batch, ThresholdOprf.combine(T, publicShares, blinded, answers))
              .get(0);
      if (first == null) {
        first = out;
      }
      assertThat(out).isEqualTo(first);
    }
    // Test-only reconstruction (no party does this): the secret behind the group key gives the
    // same single-key RFC 9497 output.
    byte[] l = io.fugue.nativelib.NativeOprf.lagrange(new int[] {1, 2, 3});
    byte[] secret = null;
    for (int i = 0; i < 3; i++) {
      byte[] term =
          Scalars.mul(
              java.util.Arrays.copyOfRange(l, 32 * i, 32 * i + 32),
              shares.get(i + 1).secretShare());
      secret = secret == null ? term : Scalars.add(secret, term);
    }
    OprfKeyPair whole = OprfKeyPair.fromSecret(secret);
    assertThat(whole.publicKey()).isEqualTo(outcome.groupPublicKey());
    assertThat(new OprfServer(whole).evaluateDirect(input)).isEqualTo(first);
  }

  private static List<Dkg.Party> honest() {
    List<Dkg.Party> parties = new ArrayList<>();
    for (int i = 1; i <= N; i++) {
      parties.add(new Dkg.Party(i, T, N));
    }
    return parties;
  }

  @Test
  void honestRun() {
    List<Dkg.Outcome> outcome = new ArrayList<>();
    Map<Integer, KeyShare> shares = run(honest(), outcome);
    assertThat(outcome.get(0).qualified()).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertKeyCorrect(shares, outcome.get(0));
  }

  @Test
  void complaintsNoPartyCanMakeDoNotDisqualifyAnHonestDealer() {
    List<Dkg.Party> parties = honest();
    Map<Integer, Dkg.Dealing> dealings = new HashMap<>();
    parties.forEach(p -> dealings.put(p.index(), p.deal()));
    List<Dkg.Complaint> bogus =
        List.of(new Dkg.Complaint(0, 1), new Dkg.Complaint(9, 2), new Dkg.Complaint(3, 3));
    assertThat(Dkg.qualify(T, N, dealings, bogus, Map.of()).qualified())
        .containsExactlyInAnyOrder(1, 2, 3, 4);
    // A real complaint left unanswered disqualifies the dealer.
    assertThat(Dkg.qualify(T, N, dealings, List.of(new Dkg.Complaint(2, 4)), Map.of()).qualified())
        .containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void cheaterWhoAnswersTheComplaintHonestlyStaysQualified() {
    List<Dkg.Party> parties = honest();
    parties.set(2, new CheatingDealer(3, false));
    List<Dkg.Outcome> outcome = new ArrayList<>();
    Map<Integer, KeyShare> shares = run(parties, outcome);
    assertThat(parties.get(1).complaints()).containsExactly(new Dkg.Complaint(2, 3));
    assertThat(outcome.get(0).qualified()).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertKeyCorrect(shares, outcome.get(0));
  }

  @Test
  void cheaterWhoKeepsLyingIsDisqualifiedAndTheKeyIsStillCorrect() {
    List<Dkg.Party> parties = honest();
    parties.set(2, new CheatingDealer(3, true));
    List<Dkg.Outcome> outcome = new ArrayList<>();
    Map<Integer, KeyShare> shares = run(parties, outcome);
    assertThat(parties.get(1).complaints()).containsExactly(new Dkg.Complaint(2, 3));
    assertThat(outcome.get(0).qualified()).containsExactlyInAnyOrder(1, 2, 4);
    assertKeyCorrect(shares, outcome.get(0));
  }
}
