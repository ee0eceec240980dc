package io.fugue.datasharing.attestation;

import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attestation module's records in a shard's authenticated state, under {@link #MODULE_ID}:
 *
 * <ul>
 *   <li>{@code 0x01 ‖ id(32)} → the {@link Attestation};
 *   <li>{@code 0x02 ‖ keccak(subject)(32)} → how many attestations the subject has (u64), and
 *       {@code 0x03 ‖ keccak(subject) ‖ seq(8)} → the seq-th one's id;
 *   <li>{@code 0x04 ‖ issuer(20)} → the issuer's count, {@code 0x05 ‖ issuer ‖ seq(8)} → id.
 * </ul>
 *
 * The listing indexes are on-chain records rather than a node-local index: the state offers only
 * point reads, and records in the tree make a listing provable against the state root like the
 * attestations themselves. Revoked attestations stay listed, with their status.
 */
public final class AttestationState {
  public static final ModuleId ID = ModuleId.of("datasharing.attestations");

  /** {@link #ID} as the state-key namespace. */
  public static final Bytes MODULE_ID = ID.bytes();

  private static final byte RECORD = 0x01;
  private static final byte SUBJECT_COUNT = 0x02;
  private static final byte SUBJECT_ENTRY = 0x03;
  private static final byte ISSUER_COUNT = 0x04;
  private static final byte ISSUER_ENTRY = 0x05;

  private AttestationState() {}

  public static Bytes recordKey(AttestationId id) {
    return Bytes.concat(Bytes.of(RECORD), id.toBytes());
  }

  public static Optional<Attestation> attestation(StateView state, AttestationId id) {
    return state.moduleValue(MODULE_ID, recordKey(id)).map(Attestation::decode);
  }

  /**
   * Ids of the subject's attestations, oldest first, from {@code offset}, at most {@code limit}.
   */
  public static List<AttestationId> bySubject(
      StateView state, Subject subject, long offset, int limit) {
    return list(state, subjectPrefix(subject), SUBJECT_COUNT, SUBJECT_ENTRY, offset, limit);
  }

  /** Ids of the issuer's attestations, oldest first, from {@code offset}, at most {@code limit}. */
  public static List<AttestationId> byIssuer(
      StateView state, Address issuer, long offset, int limit) {
    return list(state, issuer.toBytes(), ISSUER_COUNT, ISSUER_ENTRY, offset, limit);
  }

  public static long countBySubject(StateView state, Subject subject) {
    return count(state, Bytes.concat(Bytes.of(SUBJECT_COUNT), subjectPrefix(subject)));
  }

  public static long countByIssuer(StateView state, Address issuer) {
    return count(state, Bytes.concat(Bytes.of(ISSUER_COUNT), issuer.toBytes()));
  }

  static void insert(StateWriter state, Attestation a) {
    state.putModuleValue(MODULE_ID, recordKey(a.id()), a.encode());
    append(state, subjectPrefix(a.subject()), SUBJECT_COUNT, SUBJECT_ENTRY, a.id());
    append(state, a.issuer().toBytes(), ISSUER_COUNT, ISSUER_ENTRY, a.id());
  }

  static void update(StateWriter state, Attestation a) {
    state.putModuleValue(MODULE_ID, recordKey(a.id()), a.encode());
  }

  private static Bytes subjectPrefix(Subject subject) {
    return Hashing.keccak256(subject.value()).toBytes();
  }

  private static void append(
      StateWriter state, Bytes owner, byte countTag, byte entryTag, AttestationId id) {
    Bytes countKey = Bytes.concat(Bytes.of(countTag), owner);
    long n = count(state, countKey);
    state.putModuleValue(MODULE_ID, Bytes.concat(Bytes.of(entryTag), owner, u64(n)), id.toBytes());
    state.putModuleValue(MODULE_ID, countKey, u64(n + 1));
  }

  private static List<AttestationId> list(
      StateView state, Bytes owner, byte countTag, byte entryTag, long offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
    long n = count(state, Bytes.concat(Bytes.of(countTag), owner));
    List<AttestationId> out = new ArrayList<>();
    for (long i = offset; i < n && out.size() < limit; i++) {
      state
          .moduleValue(MODULE_ID, Bytes.concat(Bytes.of(entryTag), owner, u64(i)))
          .ifPresent(b -> out.add(new AttestationId(io.fugue.chain.primitives.Hash32.of(b))));
    }
    return out;
  }

  private static long count(StateView state, Bytes countKey) {
    return state
        .moduleValue(MODULE_ID, countKey)
        .map(b -> ByteBuffer.wrap(b.toArray()).getLong())
        .orElse(0L);
  }

  private static Bytes u64(long v) {
    return Bytes.of(ByteBuffer.allocate(8).putLong(v).array());
  }
}
