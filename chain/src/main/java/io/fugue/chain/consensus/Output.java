package io.fugue.chain.consensus;

import java.util.Objects;

/**
 * What a machine asks its shell to do, in order. {@link PersistSafety} must be durable before any
 * later output of the same batch is sent.
 */
public sealed interface Output {
  /** Send to every committee member of the shard (the consensus gossip topic). */
  record Broadcast(ConsensusMessage message) implements Output {
    public Broadcast {
      Objects.requireNonNull(message);
    }
  }

  /** Block final: store it with its proof, apply it, tell the txpool. */
  record Finalized(ProposedBlock block, QuorumCertificate commitProof) implements Output {
    public Finalized {
      Objects.requireNonNull(block);
      Objects.requireNonNull(commitProof);
    }
  }

  record Evidence(DoubleSignEvidence evidence) implements Output {
    public Evidence {
      Objects.requireNonNull(evidence);
    }
  }

  /** Call {@code onTick} no later than this instant (milliseconds of the shell's clock). */
  record ScheduleTick(long atMillis) implements Output {}

  /** This node is behind: fetch finalized blocks with commit proofs from {@code fromHeight} on. */
  record RequestSync(long fromHeight) implements Output {}

  record PersistSafety(SafetyRecord record) implements Output {
    public PersistSafety {
      Objects.requireNonNull(record);
    }
  }

  /** For operators' logs: this node moved to a new view at a height. */
  record ViewChanged(long height, long viewId) implements Output {}
}
