package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The FBFT wire messages. Every message names its shard, height, view and sender key; the byte
 * layout is {@link ConsensusCodec}'s and is specified in docs/protocol.md.
 */
public sealed interface ConsensusMessage {
  int shard();

  long height();

  long viewId();

  ValidatorKey sender();

  /** The leader's block for view 0, signed with a {@link Phase#PROPOSE} signature. */
  record Announce(
      int shard,
      long height,
      long viewId,
      ValidatorKey sender,
      Hash32 blockHash,
      Bytes block,
      ValidatorSignature proposerSignature)
      implements ConsensusMessage {
    public Announce {
      Objects.requireNonNull(sender);
      Objects.requireNonNull(blockHash);
      Objects.requireNonNull(block);
      Objects.requireNonNull(proposerSignature);
    }
  }

  /** A PREPARE or COMMIT vote of one member. */
  record Vote(
      Phase phase,
      int shard,
      long height,
      long viewId,
      ValidatorKey sender,
      Hash32 blockHash,
      ValidatorSignature signature)
      implements ConsensusMessage {
    public Vote {
      Objects.requireNonNull(sender);
      Objects.requireNonNull(blockHash);
      Objects.requireNonNull(signature);
      if (phase == Phase.PROPOSE) {
        throw new IllegalArgumentException("a vote is PREPARE or COMMIT");
      }
    }
  }

  /** PREPARED (a prepare certificate) or COMMITTED (a commit proof), sent by the leader. */
  record Certified(int shard, ValidatorKey sender, QuorumCertificate certificate)
      implements ConsensusMessage {
    public Certified {
      Objects.requireNonNull(sender);
      Objects.requireNonNull(certificate);
    }

    @Override
    public long height() {
      return certificate.height();
    }

    @Override
    public long viewId() {
      return certificate.viewId();
    }
  }

  /** An aggregate signature over one payload and who signed it. */
  record AggregateVote(ValidatorSignature aggregate, SignerBitmap signers) {
    public AggregateVote {
      Objects.requireNonNull(aggregate);
      Objects.requireNonNull(signers);
    }
  }

  /** M1: the highest prepared certificate a member holds at this height, with the block. */
  record PreparedClaim(QuorumCertificate prepared, Bytes block, ValidatorSignature m1Signature) {
    public PreparedClaim {
      Objects.requireNonNull(prepared);
      Objects.requireNonNull(block);
      Objects.requireNonNull(m1Signature);
      if (prepared.phase() != Phase.PREPARE) {
        throw new IllegalArgumentException("M1 carries a prepare certificate");
      }
    }
  }

  /**
   * VIEWCHANGE to {@code viewId}: the M3 signature, and either M1 ({@code prepared}) or M2 ({@code
   * nilSignature}), never both.
   */
  record ViewChange(
      int shard,
      long height,
      long viewId,
      ValidatorKey sender,
      ValidatorSignature m3Signature,
      Optional<PreparedClaim> prepared,
      Optional<ValidatorSignature> nilSignature)
      implements ConsensusMessage {
    public ViewChange {
      Objects.requireNonNull(sender);
      Objects.requireNonNull(m3Signature);
      Objects.requireNonNull(prepared);
      Objects.requireNonNull(nilSignature);
      if (prepared.isPresent() == nilSignature.isPresent()) {
        throw new IllegalArgumentException("a view change carries exactly one of M1 and M2");
      }
      if (viewId < 1) {
        throw new IllegalArgumentException("a view change targets view >= 1");
      }
    }
  }

  /** The M1 signers that reported one prepared certificate. */
  record M1Group(QuorumCertificate prepared, AggregateVote m1) {
    public M1Group {
      Objects.requireNonNull(prepared);
      Objects.requireNonNull(m1);
    }
  }

  /**
   * NEWVIEW for {@code viewId} from its leader: the aggregated M3 votes (a quorum), M2 votes and M1
   * groups justifying the proposed block, plus that block signed as a proposal.
   */
  record NewView(
      int shard,
      long height,
      long viewId,
      ValidatorKey sender,
      Hash32 blockHash,
      Bytes block,
      ValidatorSignature proposerSignature,
      AggregateVote m3,
      Optional<AggregateVote> m2,
      List<M1Group> m1Groups)
      implements ConsensusMessage {
    public NewView {
      Objects.requireNonNull(sender);
      Objects.requireNonNull(blockHash);
      Objects.requireNonNull(block);
      Objects.requireNonNull(proposerSignature);
      Objects.requireNonNull(m3);
      Objects.requireNonNull(m2);
      m1Groups = List.copyOf(m1Groups);
    }
  }
}
