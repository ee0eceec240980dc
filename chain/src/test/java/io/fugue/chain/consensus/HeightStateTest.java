package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeightStateTest {
  private final TestSignatureScheme scheme = new TestSignatureScheme();
  private final Committee committee =
      Committee.equalPower(
          List.of(
              scheme.newSigner(1).publicKey(),
              scheme.newSigner(2).publicKey(),
              scheme.newSigner(3).publicKey(),
              scheme.newSigner(4).publicKey()));
  private final Hash32 genesis = Hash32.of(TestSignatureScheme.sha256(new byte[] {7}));
  private final ProposedBlock block = TestBlocks.build(1, genesis, Optional.empty(), 1, true);

  private static QuorumCertificate prepared(ProposedBlock b, long view) {
    return new QuorumCertificate(
        Phase.PREPARE,
        b.height(),
        view,
        b.hash(),
        new ValidatorSignature(Bytes.of(new byte[96])),
        SignerBitmap.of(4, List.of(0, 1, 2)));
  }

  private HeightState atGenesis() {
    return TestBlocks.heightAbove(ChainHead.genesis(genesis), committee);
  }

  @Test
  void shouldKeepTheHighestPreparedCertificateAndPersistItsBlock() {
    HeightState h = atGenesis();
    h.addBlock(block);
    h.notePrepared(prepared(block, 2));
    h.notePrepared(prepared(block, 1));
    assertThat(h.highestPrepared()).map(QuorumCertificate::viewId).contains(2L);
    SafetyRecord r = h.safetyRecord(3);
    assertThat(r.height()).isEqualTo(1);
    assertThat(r.viewId()).isEqualTo(3);
    assertThat(r.preparedBlock()).isEqualTo(block.encoded());
  }

  @Test
  void shouldRefuseAPreparedCertificateForAnUnknownBlock() {
    HeightState h = atGenesis();
    assertThatThrownBy(() -> h.notePrepared(prepared(block, 0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldForgetEverythingOfTheLastHeightOnEnteringTheNext() {
    HeightState h = atGenesis();
    h.addBlock(block);
    h.notePrepared(prepared(block, 0));
    h.markNewViewSent(4);
    QuorumCertificate commit =
        new QuorumCertificate(
            Phase.COMMIT,
            1,
            0,
            block.hash(),
            new ValidatorSignature(Bytes.of(new byte[96])),
            SignerBitmap.of(4, List.of(0, 1, 2)));
    h.enter(new ChainHead(1, block.hash(), Optional.of(commit), 0), committee);
    assertThat(h.height()).isEqualTo(2);
    assertThat(h.blocks()).isEmpty();
    assertThat(h.highestPrepared()).isEmpty();
    assertThat(h.newViewDueFor(1)).isTrue();
    assertThat(h.safetyRecord(0).preparedBlock()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void shouldSendOneNewViewPerView() {
    HeightState h = atGenesis();
    assertThat(h.newViewDueFor(1)).isTrue();
    h.markNewViewSent(2);
    assertThat(h.newViewDueFor(2)).isFalse();
    assertThat(h.newViewDueFor(1)).isFalse();
    assertThat(h.newViewDueFor(3)).isTrue();
  }

  @Test
  void shouldAskTheCommitteeGivenForTheHeight() {
    HeightState h = new HeightState(ChainHead.genesis(genesis));
    Committee other = Committee.equalPower(List.of(scheme.newSigner(9).publicKey()));
    h.enter(ChainHead.genesis(genesis), other);
    assertThat(h.committee()).isSameAs(other);
    assertThat(h.isLeader((c, height, view) -> 0, 5, other.member(0))).isTrue();
  }
}
