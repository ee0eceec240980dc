package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RotatingLeaderScheduleTest {
  private final Committee committee;

  RotatingLeaderScheduleTest() {
    TestSignatureScheme s = new TestSignatureScheme();
    List<ValidatorKey> keys = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      keys.add(s.newSigner(i).publicKey());
    }
    committee = Committee.equalPower(keys);
  }

  @Test
  void shouldKeepALeaderForKHeightsThenHandOverInTheDerivedOrder() {
    RotatingLeaderSchedule s = new RotatingLeaderSchedule(4, Bytes.fromHex("abcd"));
    int[] order = s.order(committee);
    for (long h = 1; h <= 4 * 7 * 2; h++) {
      assertThat(s.leaderIndex(committee, h, 0)).isEqualTo(order[(int) (((h - 1) / 4) % 7)]);
    }
    assertThat(s.leaderIndex(committee, 1, 0)).isEqualTo(s.leaderIndex(committee, 4, 0));
    assertThat(s.leaderIndex(committee, 5, 0)).isNotEqualTo(s.leaderIndex(committee, 4, 0));
  }

  @Test
  void shouldHandOverToTheNextMemberOnEachViewChange() {
    RotatingLeaderSchedule s = new RotatingLeaderSchedule(4, Bytes.fromHex("abcd"));
    int[] order = s.order(committee);
    Set<Integer> seen = new HashSet<>();
    for (long v = 0; v < 7; v++) {
      int l = s.leaderIndex(committee, 9, v);
      assertThat(l).isEqualTo(order[(int) ((2 + v) % 7)]);
      seen.add(l);
    }
    assertThat(seen).as("every member leads once in n views").hasSize(7);
  }

  @Test
  void shouldDeriveTheOrderFromTheSeedDeterministically() {
    int[] a = new RotatingLeaderSchedule(1, Bytes.fromHex("01")).order(committee);
    int[] again = new RotatingLeaderSchedule(1, Bytes.fromHex("01")).order(committee);
    int[] other = new RotatingLeaderSchedule(1, Bytes.fromHex("02")).order(committee);
    assertThat(a).isEqualTo(again).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
    assertThat(other).isNotEqualTo(a);
  }
}
