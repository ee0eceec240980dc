package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import org.junit.jupiter.api.Test;

class OutboxTest {
  private final ConsensusSigner signer = new TestSignatureScheme().newSigner(1);

  private ConsensusMessage vote(long height, long view) {
    return new ConsensusMessage.Vote(
        Phase.PREPARE,
        0,
        height,
        view,
        signer.publicKey(),
        Hash32.ZERO,
        signer.sign(Bytes.of((byte) 1)));
  }

  @Test
  void shouldBroadcastAndQueueForItselfWhatItSends() {
    Outbox box = new Outbox(100);
    ConsensusMessage m = vote(1, 0);
    box.send(m, 1, 0, 1_000);
    assertThat(box.outputs()).containsExactly(new Output.Broadcast(m));
    assertThat(box.pollSelf()).isEqualTo(m);
    assertThat(box.hasSelfMessages()).isFalse();
    assertThat(box.resendAt()).isEqualTo(1_100);
  }

  @Test
  void shouldResendTheCurrentViewsMessagesOnlyWhenDue() {
    Outbox box = new Outbox(100);
    ConsensusMessage a = vote(1, 2);
    ConsensusMessage b = vote(1, 2);
    box.send(a, 1, 2, 0);
    box.send(b, 1, 2, 10);
    box.begin();
    box.resendIfDue(1, 2, 50);
    assertThat(box.outputs()).isEmpty();
    box.resendIfDue(1, 2, 110);
    assertThat(box.outputs()).containsExactly(new Output.Broadcast(a), new Output.Broadcast(b));
    assertThat(box.resendAt()).isEqualTo(210);
  }

  @Test
  void shouldNeverResendMessagesOfAnEarlierView() {
    Outbox box = new Outbox(100);
    box.send(vote(1, 0), 1, 0, 0);
    box.begin();
    box.resendIfDue(1, 1, 500);
    assertThat(box.outputs()).isEmpty();
    assertThat(box.resendAt()).isEqualTo(-1);
  }
}
