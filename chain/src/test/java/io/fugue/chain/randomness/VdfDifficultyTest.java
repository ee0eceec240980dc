package io.fugue.chain.randomness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class VdfDifficultyTest {
  private final VdfDifficulty rule = new VdfDifficulty(20, 1_000, 1L << 40);

  @Test
  void shouldKeepTWhenTheTargetDelayWasMet() {
    assertThat(rule.next(100_000, OptionalLong.of(20))).isEqualTo(100_000);
  }

  @Test
  void shouldScaleTowardsTheTarget() {
    assertThat(rule.next(100_000, OptionalLong.of(25))).isEqualTo(80_000);
    assertThat(rule.next(100_000, OptionalLong.of(16))).isEqualTo(125_000);
  }

  @Test
  void shouldBoundTheChangeToHalfAndDouble() {
    assertThat(rule.next(100_000, OptionalLong.of(1))).isEqualTo(200_000);
    assertThat(rule.next(100_000, OptionalLong.of(1_000))).isEqualTo(50_000);
  }

  @Test
  void shouldHalveWhenNoVdfArrived() {
    assertThat(rule.next(100_000, OptionalLong.empty())).isEqualTo(50_000);
  }

  @Test
  void shouldRespectTheAbsoluteBounds() {
    assertThat(rule.next(1_500, OptionalLong.empty())).isEqualTo(1_000);
    assertThat(rule.next(1L << 40, OptionalLong.of(1))).isEqualTo(1L << 40);
  }

  @Test
  void shouldRejectNonsense() {
    assertThatThrownBy(() -> rule.next(0, OptionalLong.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.next(10, OptionalLong.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VdfDifficulty(0, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void shouldStayWithinHalfAndDoubleAndTheBounds(
      @ForAll @LongRange(min = 1_000, max = 1L << 40) long t,
      @ForAll @LongRange(min = 1, max = 1_000_000) long delay) {
    long next = rule.next(t, OptionalLong.of(delay));
    assertThat(next).isBetween(Math.max(1_000, (t + 1) / 2), Math.min(1L << 40, 2 * t));
    if (delay <= 20) {
      assertThat(next).isGreaterThanOrEqualTo(t);
    } else {
      assertThat(next).isLessThanOrEqualTo(t);
    }
  }
}
