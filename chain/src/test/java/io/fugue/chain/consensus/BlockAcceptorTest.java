package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockAcceptorTest {
  private final TestSignatureScheme scheme = new TestSignatureScheme();
  private final Committee committee =
      Committee.equalPower(List.of(scheme.newSigner(1).publicKey()));
  private final Hash32 genesis = Hash32.of(TestSignatureScheme.sha256(new byte[] {7}));
  private final ConsensusMetrics metrics = new ConsensusMetrics();
  private final BlockAcceptor acceptor =
      new BlockAcceptor(
          TestBlocks.validator(),
          CommitteeSource.fixed(committee),
          new CertificateVerifier(scheme, 0),
          metrics);

  private HeightState atGenesis() {
    return TestBlocks.heightAbove(ChainHead.genesis(genesis), committee);
  }

  @Test
  void shouldAcceptAValidBlockOnTheHeadAndRememberIt() {
    HeightState h = atGenesis();
    ProposedBlock b = TestBlocks.build(1, genesis, Optional.empty(), 1, true);
    assertThat(acceptor.accept(h, b.encoded(), b.hash())).contains(b);
    assertThat(h.block(b.hash())).contains(b);
    assertThat(acceptor.accept(h, b.encoded(), b.hash())).contains(b);
    assertThat(metrics.rejected(Rejection.INVALID_BLOCK)).isZero();
  }

  @Test
  void shouldRejectABlockTheLedgerRefusesOrThatIsNotTheAnnouncedOne() {
    HeightState h = atGenesis();
    ProposedBlock invalid = TestBlocks.build(1, genesis, Optional.empty(), 1, false);
    ProposedBlock other = TestBlocks.build(1, genesis, Optional.empty(), 2, true);
    ProposedBlock offHead = TestBlocks.build(1, Hash32.ZERO, Optional.empty(), 3, true);
    assertThat(acceptor.accept(h, invalid.encoded(), invalid.hash())).isEmpty();
    assertThat(acceptor.accept(h, other.encoded(), invalid.hash())).isEmpty();
    assertThat(acceptor.accept(h, offHead.encoded(), offHead.hash())).isEmpty();
    assertThat(acceptor.accept(h, Bytes.of((byte) 1), other.hash())).isEmpty();
    assertThat(metrics.rejected(Rejection.INVALID_BLOCK)).isEqualTo(4);
    assertThat(h.blocks()).isEmpty();
  }

  @Test
  void shouldRejectOtherBytesForAKnownHash() {
    HeightState h = atGenesis();
    ProposedBlock b = TestBlocks.build(1, genesis, Optional.empty(), 1, true);
    acceptor.accept(h, b.encoded(), b.hash());
    assertThat(
            acceptor.accept(
                h, TestBlocks.build(1, genesis, Optional.empty(), 2, true).encoded(), b.hash()))
        .isEmpty();
    assertThat(metrics.rejected(Rejection.INVALID_BLOCK)).isEqualTo(1);
  }

  @Test
  void shouldRejectABlockAboveOneWhoseParentCommitProofDoesNotVerify() {
    ProposedBlock first = TestBlocks.build(1, genesis, Optional.empty(), 1, true);
    QuorumCertificate forged =
        new QuorumCertificate(
            Phase.COMMIT,
            1,
            0,
            first.hash(),
            new ValidatorSignature(Bytes.of(new byte[96])),
            SignerBitmap.of(1, List.of(0)));
    HeightState h = new HeightState(ChainHead.genesis(genesis));
    h.enter(new ChainHead(1, first.hash(), Optional.of(forged), 0), committee);
    ProposedBlock second = TestBlocks.build(2, first.hash(), Optional.of(forged), 1, true);
    assertThat(acceptor.accept(h, second.encoded(), second.hash())).isEmpty();
    assertThat(metrics.rejected(Rejection.INVALID_BLOCK)).isEqualTo(1);
  }
}
