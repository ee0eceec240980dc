package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.ChainHead;
import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.ConsensusPorts;
import io.fugue.chain.consensus.FbftMachine;
import io.fugue.chain.consensus.Output;
import io.fugue.chain.consensus.ProposalValidation;
import io.fugue.chain.consensus.ProposedBlock;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.RotatingLeaderSchedule;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A committee of one finishes a whole round inside one tick. The shell only ticks when asked, so
 * every such tick must ask for the next one, or the chain stops after one block (seen in the
 * benchmark before the machine forgot a consumed tick).
 */
class SingleMemberTickTest {
  private static Bytes encode(long height, Hash32 parent, Optional<QuorumCertificate> proof) {
    Bytes p = proof.map(CommitProofCodec::encode).orElse(Bytes.EMPTY);
    return Bytes.concat(
        Bytes.of(ByteBuffer.allocate(40).putLong(height).put(parent.toArray()).array()), p);
  }

  @Test
  void shouldAskForANewTickAfterEveryTickThatFinalizesABlock() {
    BlsSecretKey key = BlsSecretKey.fromSeed(new byte[32]);
    Committee committee =
        Committee.equalPower(List.of(new ValidatorKey(key.publicKey().toBytes())));
    ConsensusPorts ports =
        new ConsensusPorts(
            CommitteeSource.fixed(committee),
            new BlsSignatureScheme(),
            BlsSignatureScheme.signer(key),
            (h, parent, proof) -> {
              Bytes e = encode(h, parent, proof);
              return new ProposedBlock(h, parent, Hashing.keccak256(e), e, proof);
            },
            (encoded, h, parent) -> {
              Optional<QuorumCertificate> proof =
                  encoded.size() > 40
                      ? Optional.of(CommitProofCodec.decode(encoded.slice(40, encoded.size() - 40)))
                      : Optional.empty();
              return new ProposalValidation.Accept(
                  new ProposedBlock(h, parent, Hashing.keccak256(encoded), encoded, proof));
            },
            new RotatingLeaderSchedule(1, Bytes.of(new byte[] {1})));
    FbftMachine m =
        new FbftMachine(
            ConsensusConfig.defaults().withTimings(0, 1000, 1000, 10_000),
            ports,
            ChainHead.genesis(Hash32.ZERO),
            Optional.empty());
    long now = 1_000;
    List<Output> out = m.start(now);
    for (int block = 1; block <= 5; block++) {
      long at =
          out.stream()
              .filter(o -> o instanceof Output.ScheduleTick)
              .map(o -> ((Output.ScheduleTick) o).atMillis())
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no tick requested before block " + m.height()));
      now = Math.max(now, at);
      out = m.onTick(now);
    }
    assertThat(m.head().height()).isEqualTo(5);
  }
}
