package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers the first verified vote of each member per phase and view at the current height; a
 * second verified vote for another block becomes {@link DoubleSignEvidence}, once per offence.
 */
final class DoubleSignDetector {
  private record Slot(Phase phase, long viewId, int member) {}

  private record Seen(Hash32 hash, ValidatorSignature signature) {}

  private final int shard;
  private final Map<Slot, Seen> seen = new HashMap<>();
  private final Set<Slot> reported = new HashSet<>();
  private long height;

  DoubleSignDetector(int shard) {
    this.shard = shard;
  }

  void resetForHeight(long newHeight) {
    seen.clear();
    reported.clear();
    height = newHeight;
  }

  /** Records a vote whose signature was verified. */
  Optional<DoubleSignEvidence> record(
      Phase phase, long viewId, int member, ValidatorKey key, Hash32 hash, ValidatorSignature signature) {
    Slot slot = new Slot(phase, viewId, member);
    Seen first = seen.putIfAbsent(slot, new Seen(hash, signature));
    if (first == null || first.hash().equals(hash) || !reported.add(slot)) {
      return Optional.empty();
    }
    return Optional.of(DoubleSignEvidence.of(
        shard, phase, height, viewId, key, first.hash(), first.signature(), hash, signature));
  }
}
