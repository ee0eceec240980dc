package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quorum arithmetic and signer bitmaps. */
class CommitteeTest {
  private static List<ValidatorKey> keys(int n) {
    TestSignatureScheme s = new TestSignatureScheme();
    List<ValidatorKey> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.newSigner(i).publicKey());
    }
    return out;
  }

  private static SignerBitmap first(int n, int k) {
    return SignerBitmap.of(n, IntStream.range(0, k).boxed().toList());
  }

  @ParameterizedTest(name = "n={0}: {1} signers is the smallest quorum")
  @CsvSource({"1,1", "3,3", "4,3", "5,4", "6,5", "7,5", "10,7", "100,67", "150,101"})
  void shouldNeedStrictlyMoreThanTwoThirdsOfEqualPower(int n, int smallest) {
    Committee c = Committee.equalPower(keys(n));
    assertThat(c.hasQuorum(first(n, smallest))).isTrue();
    assertThat(c.hasQuorum(first(n, smallest - 1))).isFalse();
  }

  @Test
  void shouldWeighSignersByVotingPower() {
    Committee c = Committee.weighted(keys(4), List.of(70L, 10L, 10L, 10L));
    assertThat(c.hasQuorum(SignerBitmap.of(4, List.of(0))))
        .as("70 of 100 is more than 2/3")
        .isTrue();
    assertThat(c.hasQuorum(SignerBitmap.of(4, List.of(1, 2, 3)))).isFalse();
    assertThat(c.exceedsOneThird(c.power(SignerBitmap.of(4, List.of(1, 2, 3))))).isFalse();
    Committee exact = Committee.weighted(keys(3), List.of(2L, 2L, 2L));
    assertThat(exact.isQuorum(4)).as("exactly 2/3 is not a quorum").isFalse();
  }

  @Test
  void shouldRefuseBadCommittees() {
    List<ValidatorKey> k = keys(2);
    assertThatThrownBy(() -> Committee.equalPower(List.of(k.get(0), k.get(0))))
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> Committee.weighted(k, List.of(1L, 0L)))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> Committee.weighted(k, List.of(Committee.MAX_TOTAL_POWER, 1L)))
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> Committee.equalPower(List.of())).hasMessageContaining("size");
  }

  @Test
  void shouldEncodeBitmapsLsbFirstWithinEachByte() {
    SignerBitmap b = SignerBitmap.of(10, List.of(0, 3, 8));
    assertThat(b.bits()).isEqualTo(Bytes.fromHex("0901"));
    assertThat(b.indices()).containsExactly(0, 3, 8);
    assertThat(b.contains(3)).isTrue();
    assertThat(b.contains(4)).isFalse();
    assertThat(b.count()).isEqualTo(3);
  }

  @Test
  void shouldRejectBitmapsOfTheWrongLengthOrWithBitsBeyondTheCommittee() {
    assertThatThrownBy(() -> new SignerBitmap(10, Bytes.fromHex("ff")))
        .hasMessageContaining("2 bytes");
    assertThatThrownBy(() -> new SignerBitmap(10, Bytes.fromHex("ff04")))
        .hasMessageContaining("beyond");
    assertThat(new SignerBitmap(10, Bytes.fromHex("ff03")).count()).isEqualTo(10);
    assertThatThrownBy(() -> SignerBitmap.of(4, List.of(4)))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void shouldComputeUnionAndIntersection() {
    SignerBitmap a = SignerBitmap.of(7, List.of(0, 1));
    SignerBitmap b = SignerBitmap.of(7, List.of(1, 6));
    assertThat(a.intersects(b)).isTrue();
    assertThat(a.union(b).indices()).containsExactly(0, 1, 6);
    assertThat(a.intersects(SignerBitmap.of(7, List.of(2)))).isFalse();
  }
}
