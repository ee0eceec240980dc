package io.fugue.chain.randomness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RandomnessEpochSeedTest {
  private static final Hash32 GENESIS = Hashing.keccak256(Bytes.of((byte) 9));
  private static final Bytes Y1 = Bytes.of((byte) 1, (byte) 2);
  private static final Bytes Y3 = Bytes.of((byte) 3);

  private static RandomnessEpochSeed seedOf(Map<Long, Bytes> outputs) {
    return new RandomnessEpochSeed(GENESIS, e -> Optional.ofNullable(outputs.get(e)));
  }

  @Test
  void shouldPlaceEpochZeroWithTheGenesisRandomness() {
    assertThat(seedOf(Map.of()).seed(0)).isEqualTo(GENESIS);
  }

  @Test
  void shouldUseTheVdfOutputWhenPresentAndTheFallbackOtherwise() {
    RandomnessEpochSeed seed = seedOf(Map.of(1L, Y1, 3L, Y3));
    Hash32 r0 = EpochRandomness.fallback(GENESIS, 0);
    Hash32 r1 = EpochRandomness.fromVdf(1, Y1);
    Hash32 r2 = EpochRandomness.fallback(r1, 2);
    Hash32 r3 = EpochRandomness.fromVdf(3, Y3);
    assertThat(List.of(seed.seed(1), seed.seed(2), seed.seed(3), seed.seed(4)))
        .containsExactly(r0, r1, r2, r3);
    assertThat(seed.fallbacks()).isEqualTo(2);
    seed.seed(4);
    assertThat(seed.fallbacks()).as("each fallback counted once").isEqualTo(2);
  }

  @Test
  void shouldGiveEveryNodeTheSameSeedWhateverTheOrderOfQuestions() {
    RandomnessEpochSeed a = seedOf(Map.of(2L, Y1));
    RandomnessEpochSeed b = seedOf(Map.of(2L, Y1));
    Hash32 late = a.seed(6);
    assertThat(b.seed(3)).isEqualTo(a.seed(3));
    assertThat(b.seed(6)).isEqualTo(late);
  }

  @Test
  void shouldSeparatePrndByEpochAndContributions() {
    Hash32 b1 = Hashing.keccak256(Bytes.of((byte) 1));
    Hash32 b2 = Hashing.keccak256(Bytes.of((byte) 2));
    assertThat(EpochRandomness.pRnd(1, List.of(b1, b2)))
        .isNotEqualTo(EpochRandomness.pRnd(1, List.of(b2, b1)))
        .isNotEqualTo(EpochRandomness.pRnd(2, List.of(b1, b2)))
        .isNotEqualTo(EpochRandomness.pRnd(1, List.of(b1)));
    assertThat(EpochRandomness.pRnd(1, List.of(b1, b2)))
        .isEqualTo(EpochRandomness.pRnd(1, List.of(b1, b2)));
    assertThat(EpochRandomness.discriminantSeed(b1, 1000))
        .isNotEqualTo(EpochRandomness.discriminantSeed(b1, 1001));
  }
}
