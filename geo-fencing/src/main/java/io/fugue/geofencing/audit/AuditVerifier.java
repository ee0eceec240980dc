package io.fugue.geofencing.audit;

import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Optional;

/**
 * Checks an audit log: entries numbered 0, 1, 2… with no gap, each one's stored hash equal to the
 * hash of its fields, and each one's {@code prev} equal to the hash before it. An altered entry
 * fails its own hash; a removed or reordered one breaks the numbering or the chain. Removing the
 * newest entries leaves a shorter valid chain, which only an anchor (a later head hash published
 * elsewhere, e.g. on chain) reveals: pass it to {@link #verify(List, Optional)}.
 */
public final class AuditVerifier {
  /** The outcome: how many entries were checked, the head hash, and the first defect if any. */
  public record Result(long entries, Hash32 head, Optional<String> defect) {
    public boolean isValid() {
      return defect.isEmpty();
    }
  }

  /** A head hash known from elsewhere: entry {@code seq} must have hash {@code hash}. */
  public record Anchor(long seq, Hash32 hash) {}

  private AuditVerifier() {}

  public static Result verify(List<AuditEntry> entries, Optional<Anchor> anchor) {
    Hash32 prev = Hash32.ZERO;
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry e = entries.get(i);
      if (e.seq() != i) {
        return fail(i, prev, "entry " + i + " has number " + e.seq() + ": removed or reordered");
      }
      if (!e.prev().equals(prev)) {
        return fail(i, prev, "entry " + i + " does not follow entry " + (i - 1) + ": chain broken");
      }
      if (!e.computedHash().equals(e.hash())) {
        return fail(i, prev, "entry " + i + " was altered: its hash does not match its fields");
      }
      if (anchor.isPresent() && anchor.get().seq() == i && !anchor.get().hash().equals(e.hash())) {
        return fail(i, prev, "entry " + i + " differs from the anchored hash");
      }
      prev = e.hash();
    }
    if (anchor.isPresent() && anchor.get().seq() >= entries.size()) {
      return fail(
          entries.size(),
          prev,
          "the log ends at entry "
              + (entries.size() - 1)
              + " but entry "
              + anchor.get().seq()
              + " was anchored: entries were removed");
    }
    return new Result(entries.size(), prev, Optional.empty());
  }

  private static Result fail(long checked, Hash32 head, String why) {
    return new Result(checked, head, Optional.of(why));
  }
}
