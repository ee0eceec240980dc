package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.nio.ByteBuffer;
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

  /** Encoded size: shard 4, phase 1, height 8, view 8, key 48, then twice hash 32 + sig 96. */
  public static final int ENCODED_SIZE = 4 + 1 + 8 + 8 + 48 + 2 * (32 + 96);

  /**
   * {@code shard(4) ‖ phase(1) ‖ height(8) ‖ viewId(8) ‖ signer(48) ‖ firstHash(32) ‖
   * firstSignature(96) ‖ secondHash(32) ‖ secondSignature(96)}, integers big-endian: how the node
   * stores evidence and how a ReportDoubleSign transaction carries it.
   */
  public Bytes encode() {
    ByteBuffer b = ByteBuffer.allocate(ENCODED_SIZE);
    b.putInt(shard)
        .put((byte) phase.code())
        .putLong(height)
        .putLong(viewId)
        .put(signer.bytes().toArray())
        .put(firstHash.toArray())
        .put(firstSignature.bytes().toArray())
        .put(secondHash.toArray())
        .put(secondSignature.bytes().toArray());
    return Bytes.of(b.array());
  }

  /**
   * Decodes {@link #encode()} strictly.
   *
   * @throws IllegalArgumentException for a wrong size, an unknown phase, a negative number, or
   *     hashes not in ascending order
   */
  public static DoubleSignEvidence decode(Bytes bytes) {
    if (bytes.size() != ENCODED_SIZE) {
      throw new IllegalArgumentException(
          "double-sign evidence is " + ENCODED_SIZE + " bytes, got " + bytes.size());
    }
    ByteBuffer b = ByteBuffer.wrap(bytes.toArray());
    int shard = b.getInt();
    int code = b.get() & 0xFF;
    Phase phase =
        java.util.Arrays.stream(Phase.values())
            .filter(p -> p.code() == code)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown evidence phase " + code));
    long height = b.getLong();
    long view = b.getLong();
    if (shard < 0 || height < 0 || view < 0) {
      throw new IllegalArgumentException("negative shard, height or view in evidence");
    }
    ValidatorKey key = new ValidatorKey(take(b, 48));
    Hash32 h1 = Hash32.of(take(b, 32));
    ValidatorSignature s1 = new ValidatorSignature(take(b, 96));
    Hash32 h2 = Hash32.of(take(b, 32));
    ValidatorSignature s2 = new ValidatorSignature(take(b, 96));
    return new DoubleSignEvidence(shard, phase, height, view, key, h1, s1, h2, s2);
  }

  private static Bytes take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return Bytes.of(out);
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
