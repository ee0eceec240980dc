package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import org.junit.jupiter.api.Test;

class MessageBufferTest {
  private final ConsensusSigner signer = new TestSignatureScheme().newSigner(1);

  private ConsensusMessage vote(long view) {
    return new ConsensusMessage.Vote(
        Phase.PREPARE,
        0,
        1,
        view,
        signer.publicKey(),
        Hash32.ZERO,
        signer.sign(Bytes.of((byte) 1)));
  }

  @Test
  void shouldDropTheOldestWhenFullAndCountIt() {
    ConsensusMetrics metrics = new ConsensusMetrics();
    MessageBuffer buffer = new MessageBuffer(2, metrics);
    buffer.add(vote(1));
    buffer.add(vote(2));
    buffer.add(vote(3));
    assertThat(metrics.rejected(Rejection.BUFFER_FULL)).isEqualTo(1);
    assertThat(buffer.takeForReplay()).extracting(ConsensusMessage::viewId).containsExactly(2L, 3L);
    assertThat(buffer.size()).isZero();
  }

  @Test
  void shouldStoreNothingWithoutCapacity() {
    ConsensusMetrics metrics = new ConsensusMetrics();
    MessageBuffer buffer = new MessageBuffer(0, metrics);
    buffer.add(vote(1));
    assertThat(buffer.size()).isZero();
    assertThat(metrics.rejected(Rejection.BUFFER_FULL)).isEqualTo(1);
  }

  @Test
  void shouldRefuseViewsTooFarAhead() {
    ConsensusMetrics metrics = new ConsensusMetrics();
    MessageBuffer buffer = new MessageBuffer(8, metrics);
    RoundState round = new RoundState();
    round.enter(0, false);
    buffer.addAhead(vote(RoundState.MAX_VIEWS_AHEAD + 1), round);
    buffer.addAhead(vote(RoundState.MAX_VIEWS_AHEAD), round);
    assertThat(metrics.rejected(Rejection.BAD_VIEW)).isEqualTo(1);
    assertThat(buffer.size()).isEqualTo(1);
  }

  @Test
  void shouldReplayOnceWhenAsked() {
    MessageBuffer buffer = new MessageBuffer(8, new ConsensusMetrics());
    assertThat(buffer.replayRequested()).isFalse();
    buffer.requestReplay();
    assertThat(buffer.replayRequested()).isTrue();
    buffer.takeForReplay();
    assertThat(buffer.replayRequested()).isFalse();
  }
}
