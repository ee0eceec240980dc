package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewChangeBookTest {
  private final TestSignatureScheme scheme = new TestSignatureScheme();
  private final List<ConsensusSigner> signers = new ArrayList<>();
  private final Committee committee;

  ViewChangeBookTest() {
    for (int i = 0; i < 4; i++) {
      signers.add(scheme.newSigner(i));
    }
    committee = Committee.equalPower(signers.stream().map(ConsensusSigner::publicKey).toList());
  }

  private ConsensusMessage.ViewChange vc(int member, long view) {
    ConsensusSigner s = signers.get(member);
    return new ConsensusMessage.ViewChange(
        0,
        1,
        view,
        s.publicKey(),
        s.sign(SigningPayloads.m3(0, 1, view)),
        Optional.empty(),
        Optional.of(s.sign(SigningPayloads.m2(0, 1, view))));
  }

  @Test
  void shouldKeepOneViewChangePerMemberAndViewAndSumPower() {
    ViewChangeBook book = new ViewChangeBook();
    assertThat(book.add(0, vc(0, 1))).isTrue();
    assertThat(book.add(0, vc(0, 1))).isFalse();
    assertThat(book.add(1, vc(1, 1))).isTrue();
    assertThat(book.add(1, vc(1, 2))).isTrue();
    assertThat(book.forView(1).keySet()).containsExactly(0, 1);
    assertThat(book.power(1, committee)).isEqualTo(committee.power(0) + committee.power(1));
    assertThat(book.forView(7)).isEmpty();
  }

  @Test
  void shouldJoinTheSmallestHigherViewOnceMoreThanAThirdAskForOne() {
    ViewChangeBook book = new ViewChangeBook();
    book.add(0, vc(0, 3));
    assertThat(book.joinTarget(0, committee)).as("one of four is not more than a third").isEmpty();
    book.add(1, vc(1, 2));
    assertThat(book.joinTarget(0, committee)).hasValue(2);
    assertThat(book.joinTarget(2, committee)).as("only one member asks above view 2").isEmpty();
  }
}
