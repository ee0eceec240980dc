package io.fugue.zk.oprf;

import java.util.List;

/**
 * A server's answer to a batch: one evaluated element per blinded element (32 bytes each, same
 * order) and one batched DLEQ proof (64 bytes, {@code c || s}) that all of them used the key behind
 * the server's public key.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out
public record Evaluation(List<byte[]> elements, byte[] proof) {
  public Evaluation {
    elements = List.copyOf(elements);
    proof = proof.clone();
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }
}
