package io.fugue.chain.consensus;

import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a machine's outputs in order through the shell's ports: the one piece of glue between
 * {@link FbftMachine} and the node. {@link Output.PersistSafety} is persisted before any later
 * output of the batch is sent, as the machine requires.
 */
public final class OutputRouter {
  private static final Logger LOG = LoggerFactory.getLogger(OutputRouter.class);

  private final ConsensusCodec codec;
  private final ConsensusGossip gossip;
  private final FinalizedSink finalized;
  private final EvidenceSink evidence;
  private final SafetyStore safety;
  private final LongConsumer scheduleTick;
  private final LongConsumer requestSync;

  /**
   * @param scheduleTick called with the instant at which the shell must call {@code onTick}
   * @param requestSync called with the first height block sync should fetch
   */
  public OutputRouter(
      ConsensusCodec codec,
      ConsensusGossip gossip,
      FinalizedSink finalized,
      EvidenceSink evidence,
      SafetyStore safety,
      LongConsumer scheduleTick,
      LongConsumer requestSync) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.gossip = Objects.requireNonNull(gossip, "gossip");
    this.finalized = Objects.requireNonNull(finalized, "finalized");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.safety = Objects.requireNonNull(safety, "safety");
    this.scheduleTick = Objects.requireNonNull(scheduleTick, "scheduleTick");
    this.requestSync = Objects.requireNonNull(requestSync, "requestSync");
  }

  public void route(List<Output> outputs) {
    for (Output o : outputs) {
      if (o instanceof Output.Broadcast b) {
        gossip.broadcast(codec.encode(b.message()));
      } else if (o instanceof Output.PersistSafety p) {
        safety.persist(p.record());
      } else if (o instanceof Output.Finalized f) {
        finalized.onFinalized(f.block(), f.commitProof());
      } else if (o instanceof Output.Evidence e) {
        LOG.warn(
            "double signing by {} at height {} view {} ({})",
            e.evidence().signer().shortHex(),
            e.evidence().height(),
            e.evidence().viewId(),
            e.evidence().phase());
        evidence.onEvidence(e.evidence());
      } else if (o instanceof Output.ScheduleTick t) {
        scheduleTick.accept(t.atMillis());
      } else if (o instanceof Output.RequestSync r) {
        requestSync.accept(r.fromHeight());
      } else if (o instanceof Output.ViewChanged v) {
        LOG.info("view change at height {} to view {}", v.height(), v.viewId());
      }
    }
  }
}
