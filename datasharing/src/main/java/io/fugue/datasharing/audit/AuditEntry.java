package io.fugue.datasharing.audit;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of the data-sharing audit log. It names what happened to which object (a query id, an
 * erasure id) and, for an answered query, the hash of the proof; it never holds a value, a
 * blinding, a subject or any other personal data. Entries form a hash chain: each holds the hash of
 * the one before, so a removed or altered entry is detected by {@link AuditLog#verifyChain()}.
 *
 * @param seq position in the log, from 0
 * @param previous hash of entry seq − 1 ({@link Hash32#ZERO} for the first)
 * @param time node time, ms since the epoch
 * @param event what happened, e.g. {@code query.created}, {@code query.PROVEN_TRUE}
 * @param reference the object concerned
 * @param proofHash keccak-256 of the proof's bytes, when there was one
 * @param detail a reason for refusals and failures; empty otherwise
 */
public record AuditEntry(
    long seq,
    Hash32 previous,
    long time,
    String event,
    Hash32 reference,
    Optional<Hash32> proofHash,
    String detail) {
  public static final int MAX_DETAIL_BYTES = 512;

  public AuditEntry {
    if (seq < 0 || time < 0) {
      throw new IllegalArgumentException("seq and time must not be negative");
    }
    Objects.requireNonNull(previous, "previous");
    Text.check(event, "audit event", 1, 64);
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(proofHash, "proofHash");
    Text.check(detail, "audit detail", 0, MAX_DETAIL_BYTES);
  }

  /** keccak-256 of the encoding: what the next entry's {@code previous} must be. */
  public Hash32 hash() {
    return Hashing.keccak256(encode());
  }

  public Bytes encode() {
    return Rlp.encode(
        RlpList.of(
            RlpString.ofUint(seq),
            RlpString.of(previous),
            RlpString.ofUint(time),
            Text.field(event),
            RlpString.of(reference),
            RlpString.of(proofHash.map(Hash32::toBytes).orElse(Bytes.EMPTY)),
            Text.field(detail)));
  }

  public static AuditEntry decode(Bytes encoded) {
    return Codecs.decoding(
        "audit entry",
        encoded,
        f -> {
          f.expectSize(7, "audit entry");
          Bytes proof = f.string(5).value();
          return new AuditEntry(
              f.string(0).asUint64(),
              f.string(1).asHash32(),
              f.string(2).asUint64(),
              Text.read(f.string(3), "audit event", 1, 64),
              f.string(4).asHash32(),
              proof.isEmpty() ? Optional.empty() : Optional.of(Hash32.of(proof)),
              Text.read(f.string(6), "audit detail", 0, MAX_DETAIL_BYTES));
        });
  }
}
