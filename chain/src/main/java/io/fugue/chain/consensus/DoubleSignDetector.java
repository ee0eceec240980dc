package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers the first signed vote of each member per phase and view at the current height; a second
 * validly signed vote for another block becomes {@link DoubleSignEvidence}, once per offence.
 *
 * <p>Two ways in. {@link #record} takes a vote the caller already verified (the leader verifies
 * every vote it counts, every member every proposal). {@link #watch} takes a vote nobody verified:
 * a non-leader sees every vote by gossip and must not pay a verification for each, so a vote is
 * only remembered until a conflicting one arrives. Only then is the newcomer verified and, if it is
 * valid, the remembered one too; a remembered vote that turns out forged is replaced by the valid
 * newcomer. So a forged message costs at most one verification, and the remembered vote of a slot
 * is verified at most once. Memory is one entry per (phase, view, member) seen at this height.
 */
final class DoubleSignDetector {
  private record Slot(Phase phase, long viewId, int member) {}

  private record Seen(Hash32 hash, ValidatorSignature signature, boolean verified) {}

  private final int shard;
  private final SignatureScheme scheme;
  private final Map<Slot, Seen> seen = new HashMap<>();
  private final Set<Slot> reported = new HashSet<>();
  private long height;
  private long forgeries;

  DoubleSignDetector(int shard, SignatureScheme scheme) {
    this.shard = shard;
    this.scheme = scheme;
  }

  void resetForHeight(long newHeight) {
    seen.clear();
    reported.clear();
    height = newHeight;
  }

  /** Records a vote whose signature the caller verified. */
  Optional<DoubleSignEvidence> record(
      Phase phase,
      long viewId,
      int member,
      ValidatorKey key,
      Hash32 hash,
      ValidatorSignature signature) {
    return observe(new Slot(phase, viewId, member), key, new Seen(hash, signature, true));
  }

  /** Records a vote nobody verified yet; verifies only what a conflict makes necessary. */
  Optional<DoubleSignEvidence> watch(
      Phase phase,
      long viewId,
      int member,
      ValidatorKey key,
      Hash32 hash,
      ValidatorSignature signature) {
    return observe(new Slot(phase, viewId, member), key, new Seen(hash, signature, false));
  }

  /** Votes that failed a verification this detector made itself (for the caller's metrics). */
  long forgeries() {
    return forgeries;
  }

  private Optional<DoubleSignEvidence> observe(Slot slot, ValidatorKey key, Seen vote) {
    if (reported.contains(slot)) {
      return Optional.empty();
    }
    Seen first = seen.putIfAbsent(slot, vote);
    if (first == null
        || (first.signature().equals(vote.signature()) && first.hash().equals(vote.hash()))) {
      return Optional.empty();
    }
    if (first.hash().equals(vote.hash())) {
      // Same block, other bytes: at least one of the two is forged (signatures are deterministic);
      // keep a verified one so a forgery cannot shadow the real vote.
      if (!first.verified() && isValid(slot, key, vote)) {
        seen.put(slot, verified(vote));
      }
      return Optional.empty();
    }
    if (!isValid(slot, key, vote)) {
      return Optional.empty();
    }
    if (!first.verified() && !isValid(slot, key, first)) {
      seen.put(slot, verified(vote));
      return Optional.empty();
    }
    seen.put(slot, verified(first));
    reported.add(slot);
    return Optional.of(
        DoubleSignEvidence.of(
            shard,
            slot.phase(),
            height,
            slot.viewId(),
            key,
            first.hash(),
            first.signature(),
            vote.hash(),
            vote.signature()));
  }

  private boolean isValid(Slot slot, ValidatorKey key, Seen vote) {
    if (vote.verified()) {
      return true;
    }
    boolean ok =
        scheme.verify(
            key,
            SigningPayloads.vote(slot.phase(), shard, height, vote.hash(), slot.viewId()),
            vote.signature());
    if (!ok) {
      forgeries++;
    }
    return ok;
  }

  private static Seen verified(Seen vote) {
    return new Seen(vote.hash(), vote.signature(), true);
  }
}
