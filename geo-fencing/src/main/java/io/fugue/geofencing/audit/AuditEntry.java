package io.fugue.geofencing.audit;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One audit log entry. Its hash is {@code sha256(rlp([seq, timeMillis, kind, subject, detail,
 * prev]))} (strings as UTF-8, prev as 32 bytes), and {@code prev} is the previous entry's hash
 * ({@link Hash32#ZERO} for the first), so each entry commits to the whole log before it. Entries
 * must carry no personal data: subjects are peer ids, fence ids, accounts.
 *
 * @param seq position in the log, from 0
 * @param timeMillis when the decision was made (node clock, UTC)
 * @param kind the decision, e.g. {@code admitted}, {@code refused}, {@code served}
 * @param subject who or what was decided about
 * @param detail the reason or basis
 * @param prev the previous entry's hash
 * @param hash this entry's hash
 */
public record AuditEntry(
    long seq,
    long timeMillis,
    String kind,
    String subject,
    String detail,
    Hash32 prev,
    Hash32 hash) {
  public AuditEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(hash, "hash");
  }

  /** A new entry after {@code prev}, hashed. */
  public static AuditEntry next(
      long seq, long timeMillis, String kind, String subject, String detail, Hash32 prev) {
    return new AuditEntry(
        seq,
        timeMillis,
        kind,
        subject,
        detail,
        prev,
        hash(seq, timeMillis, kind, subject, detail, prev));
  }

  /** The hash this entry's fields give; differs from {@link #hash()} if the entry was altered. */
  public Hash32 computedHash() {
    return hash(seq, timeMillis, kind, subject, detail, prev);
  }

  static Hash32 hash(
      long seq, long timeMillis, String kind, String subject, String detail, Hash32 prev) {
    return Hashing.sha256(
        Rlp.encode(
            RlpList.of(
                RlpString.ofUint(seq),
                RlpString.ofUint(timeMillis),
                utf8(kind),
                utf8(subject),
                utf8(detail),
                RlpString.of(prev))));
  }

  private static RlpString utf8(String s) {
    return RlpString.of(Bytes.of(s.getBytes(StandardCharsets.UTF_8)));
  }
}
