package io.fugue.chain.consensus;

/** Receives proofs of equivocation, to be stored and later slashed. */
@FunctionalInterface
public interface EvidenceSink {
  void onEvidence(DoubleSignEvidence evidence);
}
