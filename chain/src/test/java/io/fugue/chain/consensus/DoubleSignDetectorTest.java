package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the detector verifies, when, and what it reports: counted on a scheme that tallies
 * verifications.
 */
class DoubleSignDetectorTest {
  private static final int SHARD = 3;
  private static final long HEIGHT = 9;
  private static final Hash32 A = Hash32.fromHex("aa".repeat(32));
  private static final Hash32 B = Hash32.fromHex("bb".repeat(32));
  private static final Hash32 C = Hash32.fromHex("cc".repeat(32));

  private final TestSignatureScheme inner = new TestSignatureScheme();
  private final ConsensusSigner signer = inner.newSigner(1);
  private final ConsensusSigner other = inner.newSigner(2);
  private int verifications;
  private DoubleSignDetector detector;

  @BeforeEach
  void setUp() {
    SignatureScheme counting =
        new SignatureScheme() {
          @Override
          public boolean verify(ValidatorKey key, Bytes message, ValidatorSignature signature) {
            verifications++;
            return inner.verify(key, message, signature);
          }

          @Override
          public ValidatorSignature aggregate(List<ValidatorSignature> signatures) {
            return inner.aggregate(signatures);
          }

          @Override
          public AggregateKey aggregateKeys(List<ValidatorKey> keys) {
            return inner.aggregateKeys(keys);
          }

          @Override
          public boolean verifyAggregate(
              AggregateKey key, Bytes message, ValidatorSignature aggregate) {
            return inner.verifyAggregate(key, message, aggregate);
          }
        };
    detector = new DoubleSignDetector(SHARD, counting);
    detector.resetForHeight(HEIGHT);
  }

  private ValidatorSignature sig(ConsensusSigner s, Phase phase, Hash32 hash, long view) {
    return s.sign(SigningPayloads.vote(phase, SHARD, HEIGHT, hash, view));
  }

  private Optional<DoubleSignEvidence> watch(Phase phase, Hash32 hash, ValidatorSignature sig) {
    return detector.watch(phase, 0, 5, signer.publicKey(), hash, sig);
  }

  @Test
  void shouldNotVerifyALoneVoteNorItsDuplicates() {
    assertThat(watch(Phase.PREPARE, A, sig(signer, Phase.PREPARE, A, 0))).isEmpty();
    assertThat(watch(Phase.PREPARE, A, sig(signer, Phase.PREPARE, A, 0))).isEmpty();
    assertThat(watch(Phase.COMMIT, B, sig(signer, Phase.COMMIT, B, 0))).isEmpty();
    assertThat(verifications).isZero();
  }

  @Test
  void shouldReportTwoValidConflictingVotesOnceWithEvidenceThatVerifies() {
    watch(Phase.PREPARE, A, sig(signer, Phase.PREPARE, A, 0));
    DoubleSignEvidence e = watch(Phase.PREPARE, B, sig(signer, Phase.PREPARE, B, 0)).orElseThrow();
    assertThat(verifications).as("both votes, once each").isEqualTo(2);
    assertThat(e.verify(inner)).isTrue();
    assertThat(e)
        .extracting(
            DoubleSignEvidence::shard,
            DoubleSignEvidence::height,
            DoubleSignEvidence::phase,
            DoubleSignEvidence::signer)
        .containsExactly(SHARD, HEIGHT, Phase.PREPARE, signer.publicKey());
    assertThat(watch(Phase.PREPARE, C, sig(signer, Phase.PREPARE, C, 0)))
        .as("one offence, one evidence")
        .isEmpty();
    assertThat(verifications).as("a reported slot costs nothing more").isEqualTo(2);
  }

  @Test
  void shouldRejectForgedConflictingVotesAtOneVerificationEachThenCatchTheRealOne() {
    watch(Phase.COMMIT, A, sig(signer, Phase.COMMIT, A, 0));
    assertThat(watch(Phase.COMMIT, B, sig(other, Phase.COMMIT, B, 0))).isEmpty();
    assertThat(watch(Phase.COMMIT, C, sig(other, Phase.COMMIT, C, 0))).isEmpty();
    assertThat(verifications)
        .as("one per forged message, the remembered vote untouched")
        .isEqualTo(2);
    assertThat(detector.forgeries()).isEqualTo(2);
    DoubleSignEvidence e = watch(Phase.COMMIT, B, sig(signer, Phase.COMMIT, B, 0)).orElseThrow();
    assertThat(e.verify(inner)).isTrue();
  }

  @Test
  void shouldKeepTheValidVoteWhenTheRememberedOneTurnsOutForged() {
    watch(Phase.PREPARE, A, sig(other, Phase.PREPARE, A, 0));
    assertThat(watch(Phase.PREPARE, B, sig(signer, Phase.PREPARE, B, 0)))
        .as("a forgery is no evidence")
        .isEmpty();
    assertThat(verifications).isEqualTo(2);
    DoubleSignEvidence e = watch(Phase.PREPARE, A, sig(signer, Phase.PREPARE, A, 0)).orElseThrow();
    assertThat(e.verify(inner)).isTrue();
    assertThat(verifications).as("the kept vote is not verified again").isEqualTo(3);
  }

  @Test
  void shouldNotLetAForgedVoteShadowTheRealVoteForTheSameBlock() {
    watch(Phase.PREPARE, A, sig(other, Phase.PREPARE, A, 0));
    watch(Phase.PREPARE, A, sig(signer, Phase.PREPARE, A, 0));
    assertThat(verifications).isEqualTo(1);
    DoubleSignEvidence e = watch(Phase.PREPARE, B, sig(signer, Phase.PREPARE, B, 0)).orElseThrow();
    assertThat(e.verify(inner)).isTrue();
    assertThat(verifications).isEqualTo(2);
  }

  @Test
  void shouldNotVerifyVotesTheCallerAlreadyVerified() {
    detector.record(Phase.PREPARE, 0, 5, signer.publicKey(), A, sig(signer, Phase.PREPARE, A, 0));
    DoubleSignEvidence e =
        detector
            .record(Phase.PREPARE, 0, 5, signer.publicKey(), B, sig(signer, Phase.PREPARE, B, 0))
            .orElseThrow();
    assertThat(e.verify(inner)).isTrue();
    assertThat(verifications).isZero();
  }

  @Test
  void shouldTreatEachPhaseAndViewAsItsOwnSlotAndForgetThemAtTheNextHeight() {
    watch(Phase.PREPARE, A, sig(signer, Phase.PREPARE, A, 0));
    assertThat(watch(Phase.COMMIT, B, sig(signer, Phase.COMMIT, B, 0))).isEmpty();
    assertThat(
            detector.watch(
                Phase.PREPARE, 1, 5, signer.publicKey(), B, sig(signer, Phase.PREPARE, B, 1)))
        .isEmpty();
    detector.resetForHeight(HEIGHT + 1);
    assertThat(
            detector.watch(
                Phase.PREPARE, 0, 5, signer.publicKey(), B, sig(signer, Phase.PREPARE, B, 0)))
        .isEmpty();
    assertThat(verifications).isZero();
  }
}
