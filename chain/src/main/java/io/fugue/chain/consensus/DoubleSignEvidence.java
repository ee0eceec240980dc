package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/**
 * Two signatures of one key over the same phase, shard, height and view for different blocks.
 * Self-contained: anyone holding the key can re-check it with {@link #verify}. The two votes are
 * ordered by block hash so one offence has one encoding.
 */
public record DoubleSignEvidence(
    int shard,
    Phase phase,
    long height,
    long viewId,
    ValidatorKey signer,
    Hash32 firstHash,
    ValidatorSignature firstSignature,
    Hash32 secondHash,
    ValidatorSignature secondSignature) {

  public DoubleSignEvidence {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(firstSignature, "firstSignature");
    Objects.requireNonNull(secondSignature, "secondSignature");
    if (firstHash.compareTo(secondHash) >= 0) {
      throw new IllegalArgumentException("evidence needs two different hashes in ascending order");
    }
  }

  /** Orders the two votes canonically. */
  public static DoubleSignEvidence of(
      int shard,
      Phase phase,
      long height,
      long viewId,
      ValidatorKey signer,
      Hash32 hashA,
      ValidatorSignature sigA,
      Hash32 hashB,
      ValidatorSignature sigB) {
    return hashA.compareTo(hashB) < 0
        ? new DoubleSignEvidence(shard, phase, height, viewId, signer, hashA, sigA, hashB, sigB)
        : new DoubleSignEvidence(shard, phase, height, viewId, signer, hashB, sigB, hashA, sigA);
  }

  public boolean verify(SignatureScheme scheme) {
    return scheme.verify(
            signer, SigningPayloads.vote(phase, shard, height, firstHash, viewId), firstSignature)
        && scheme.verify(
            signer,
            SigningPayloads.vote(phase, shard, height, secondHash, viewId),
            secondSignature);
  }
}
