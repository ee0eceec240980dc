package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlsSignatureSchemeTest {
  private final BlsSignatureScheme scheme = new BlsSignatureScheme();
  private final List<ConsensusSigner> signers = new ArrayList<>();
  private final Bytes message = SigningPayloads.m3(0, 9, 2);

  BlsSignatureSchemeTest() {
    for (int i = 0; i < 4; i++) {
      byte[] ikm = new byte[32];
      ikm[5] = (byte) (i + 1);
      signers.add(BlsSignatureScheme.signer(BlsSecretKey.fromSeed(ikm)));
    }
  }

  @Test
  void shouldVerifyOwnSignaturesOnlyForTheSignedMessageAndKey() {
    ValidatorSignature sig = signers.get(0).sign(message);
    assertThat(scheme.verify(signers.get(0).publicKey(), message, sig)).isTrue();
    assertThat(scheme.verify(signers.get(1).publicKey(), message, sig)).isFalse();
    assertThat(scheme.verify(signers.get(0).publicKey(), SigningPayloads.m2(0, 9, 2), sig))
        .isFalse();
    assertThat(
            scheme.verify(signers.get(0).publicKey(), message, Adversary.randomSig(new Random(1))))
        .isFalse();
    assertThat(scheme.verify(new ValidatorKey(Bytes.of(new byte[48])), message, sig)).isFalse();
  }

  @Test
  void shouldVerifyAnAggregateOnlyAgainstExactlyItsSigners() {
    List<ValidatorSignature> sigs =
        signers.subList(0, 3).stream().map(s -> s.sign(message)).toList();
    ValidatorSignature agg = scheme.aggregate(sigs);
    List<ValidatorKey> keys = signers.stream().map(ConsensusSigner::publicKey).toList();
    assertThat(scheme.verifyAggregate(scheme.aggregateKeys(keys.subList(0, 3)), message, agg))
        .isTrue();
    assertThat(scheme.verifyAggregate(scheme.aggregateKeys(keys), message, agg))
        .as("claims a non-signer")
        .isFalse();
    assertThat(scheme.verifyAggregate(scheme.aggregateKeys(keys.subList(0, 2)), message, agg))
        .isFalse();
    assertThat(
            scheme.verifyAggregate(
                scheme.aggregateKeys(List.of(new ValidatorKey(Bytes.of(new byte[48])))),
                message,
                agg))
        .isFalse();
  }
}
