package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.BlsSecretKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation with real BLS12-381 signatures (jblst) instead of the test scheme. */
class BlsFbftSimulationTest {

  private static SimNetwork network(int n, long seed) {
    List<ConsensusSigner> signers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] ikm = new byte[32];
      ikm[0] = (byte) seed;
      ikm[1] = (byte) i;
      signers.add(BlsSignatureScheme.signer(BlsSecretKey.fromSeed(ikm)));
    }
    SimNetwork.Settings base = SimNetwork.Settings.of(n, seed);
    SimNetwork.Settings bls =
        new SimNetwork.Settings(
            n,
            seed,
            base.minDelay(),
            base.maxDelay(),
            base.dropRate(),
            base.duplicateRate(),
            base.config(),
            new BlsSignatureScheme());
    return new SimNetwork(bls, signers);
  }

  @Test
  void shouldFinalizeWithRealBlsAndRecordEquivocationAsVerifiableEvidence() {
    SimNetwork net = network(4, 11);
    net.setBehaviour(2, SimNetwork.Behaviour.EQUIVOCATE);
    net.start();
    boolean done = net.runUntil(() -> net.minHonestUpHeight() >= 20, 300_000);
    net.checkSafety();
    assertThat(net.violations).isEmpty();
    assertThat(done).as(net.summary()).isTrue();
    assertThat(net.evidence)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.signer()).isEqualTo(net.nodes.get(2).signer.publicKey());
              assertThat(e.verify(net.scheme)).isTrue();
            });
  }

  @Test
  void shouldRejectForgedBlsSignaturesAndAggregatesAndStillFinalize() {
    SimNetwork net = network(4, 12);
    net.setBehaviour(1, SimNetwork.Behaviour.FORGE);
    net.start();
    boolean done = net.runUntil(() -> net.minHonestUpHeight() >= 15, 300_000);
    net.checkSafety();
    assertThat(net.violations).isEmpty();
    assertThat(done).as(net.summary()).isTrue();
    long badSigs =
        net.honest().stream()
            .mapToLong(x -> x.machine.metrics().rejected(Rejection.BAD_SIGNATURE))
            .sum();
    assertThat(badSigs).isPositive();
  }
}
