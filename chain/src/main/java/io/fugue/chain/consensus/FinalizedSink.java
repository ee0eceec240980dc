package io.fugue.chain.consensus;

/** Receives finalized blocks, in height order, each with the commit proof that made it final. */
@FunctionalInterface
public interface FinalizedSink {
  void onFinalized(ProposedBlock block, QuorumCertificate commitProof);
}
