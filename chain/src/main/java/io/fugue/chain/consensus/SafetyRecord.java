package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validator must keep across a restart so it never signs twice in one view: the height and
 * the highest view it voted in, and its highest prepared certificate with the block. The shell
 * persists each {@link Output.PersistSafety} before it sends the outputs that follow it.
 */
public record SafetyRecord(
    long height, long viewId, Optional<QuorumCertificate> prepared, Bytes preparedBlock) {
  public SafetyRecord {
    Objects.requireNonNull(prepared, "prepared");
    Objects.requireNonNull(preparedBlock, "preparedBlock");
    if (prepared.isPresent() && prepared.get().height() != height) {
      throw new IllegalArgumentException("prepared certificate of another height");
    }
  }
}
