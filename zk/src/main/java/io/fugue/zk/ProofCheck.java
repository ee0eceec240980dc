package io.fugue.zk;

/** One entry of a batch verification: a proof, the statement and the context it must match. */
public record ProofCheck(RangeStatement statement, RangeProof proof, TranscriptContext context) {
  public ProofCheck {
    if (statement == null || proof == null || context == null) {
      throw new ZkException("statement, proof and context must not be null");
    }
  }
}
