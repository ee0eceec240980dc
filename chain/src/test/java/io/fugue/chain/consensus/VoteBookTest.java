package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoteBookTest {
  private final TestSignatureScheme scheme = new TestSignatureScheme();
  private final List<ConsensusSigner> signers = new ArrayList<>();
  private final Committee committee;
  private final Hash32 hash = Hash32.of(TestSignatureScheme.sha256(new byte[] {1}));

  VoteBookTest() {
    for (int i = 0; i < 4; i++) {
      signers.add(scheme.newSigner(i));
    }
    committee = Committee.equalPower(signers.stream().map(ConsensusSigner::publicKey).toList());
  }

  private ValidatorSignature vote(int member) {
    return signers.get(member).sign(SigningPayloads.vote(Phase.PREPARE, 0, 1, hash, 0));
  }

  @Test
  void shouldCertifyOnceAtAQuorumAndNotBefore() {
    VoteBook book = new VoteBook(Phase.PREPARE, 1, 0, hash);
    assertThat(book.add(0, vote(0), committee)).isTrue();
    assertThat(book.add(1, vote(1), committee)).isTrue();
    assertThat(book.certifyOnce(committee, scheme)).as("2 of 4 is no quorum").isNull();
    book.add(2, vote(2), committee);
    QuorumCertificate qc = book.certifyOnce(committee, scheme);
    assertThat(qc).isNotNull();
    assertThat(qc.signers()).isEqualTo(SignerBitmap.of(4, List.of(0, 1, 2)));
    assertThat(new CertificateVerifier(scheme, 0).verify(qc, committee)).isEmpty();
    book.add(3, vote(3), committee);
    assertThat(book.certifyOnce(committee, scheme)).as("certified once").isNull();
  }

  @Test
  void shouldCountAMembersVoteOnce() {
    VoteBook book = new VoteBook(Phase.PREPARE, 1, 0, hash);
    assertThat(book.add(0, vote(0), committee)).isTrue();
    assertThat(book.add(0, vote(0), committee)).isFalse();
    assertThat(book.add(0, new ValidatorSignature(Bytes.of(new byte[96])), committee)).isFalse();
    book.add(1, vote(1), committee);
    assertThat(book.certifyOnce(committee, scheme)).isNull();
  }
}
