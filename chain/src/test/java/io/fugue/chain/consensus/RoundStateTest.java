package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Hash32;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundStateTest {
  private static final ProposedBlock BLOCK =
      TestBlocks.build(1, Hash32.ZERO, Optional.empty(), 1, true);

  @Test
  void shouldAcceptOneProposalPerView() {
    RoundState round = new RoundState();
    round.enter(0, false);
    round.adopt(BLOCK);
    assertThat(round.isProposal(BLOCK.hash())).isTrue();
    assertThatThrownBy(() -> round.adopt(BLOCK)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldPrepareOncePerViewAndForgetVotesOnEnteringAnother() {
    RoundState round = new RoundState();
    round.enter(0, false);
    round.adopt(BLOCK);
    assertThat(round.markPrepareSent()).isTrue();
    assertThat(round.markPrepareSent()).isFalse();
    round.markCommitSent();
    VoteBook prepares = round.votes(Phase.PREPARE, 1);
    assertThat(round.votes(Phase.PREPARE, 1)).isSameAs(prepares);
    assertThat(round.votes(Phase.COMMIT, 1)).isNotSameAs(prepares);

    round.enter(3, true);
    assertThat(round.view()).isEqualTo(3);
    assertThat(round.inViewChange()).isTrue();
    assertThat(round.hasProposal()).isFalse();
    assertThat(round.commitSent()).isFalse();
    assertThat(round.markPrepareSent()).isTrue();
  }

  @Test
  void shouldRefuseToCollectVotesWithoutAProposal() {
    RoundState round = new RoundState();
    round.enter(2, false);
    assertThatThrownBy(() -> round.votes(Phase.PREPARE, 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldBoundHowFarAheadAViewMayBe() {
    RoundState round = new RoundState();
    round.enter(10, false);
    assertThat(round.tooFarAhead(10 + RoundState.MAX_VIEWS_AHEAD)).isFalse();
    assertThat(round.tooFarAhead(11 + RoundState.MAX_VIEWS_AHEAD)).isTrue();
  }
}
