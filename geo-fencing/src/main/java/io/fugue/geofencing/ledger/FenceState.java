package io.fugue.geofencing.ledger;

import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.geofencing.policy.FenceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fences module's records in the beacon chain's authenticated state, under module id {@link
 * #ID}: {@code 0x01 ‖ account(20)} → {@link Appointee}; {@code 0x02} → officer count, {@code 0x03 ‖
 * seq(8)} → officer account (in order of registration); {@code 0x04 ‖ len(1) ‖ fence id ‖
 * version(4)} → {@link Fence}; {@code 0x05 ‖ len(1) ‖ fence id} → latest version (4 bytes); {@code
 * 0x06} → fence count, {@code 0x07 ‖ seq(8)} → fence id; {@code 0x08} → proposal count, {@code 0x09
 * ‖ seq(8)} → {@link Proposal}. Integers are big-endian.
 */
public final class FenceState {
  /** The module id that namespaces the records. */
  public static final ModuleId ID = ModuleId.of("geofencing.fences");

  /** {@link #ID} as the state-key namespace. */
  public static final Bytes MODULE_ID = ID.bytes();

  private static final byte OFFICER = 0x01;
  private static final byte OFFICER_COUNT = 0x02;
  private static final byte OFFICER_ENTRY = 0x03;
  private static final byte FENCE = 0x04;
  private static final byte LATEST = 0x05;
  private static final byte FENCE_COUNT = 0x06;
  private static final byte FENCE_ENTRY = 0x07;
  private static final byte PROPOSAL_COUNT = 0x08;
  private static final byte PROPOSAL = 0x09;

  /** Listing calls return at most this many entries. */
  public static final int MAX_PAGE = 1_000;

  private FenceState() {}

  public static Optional<Appointee> officer(StateView state, Address account) {
    return state
        .moduleValue(MODULE_ID, Bytes.concat(Bytes.of(OFFICER), account.toBytes()))
        .map(Appointee::decode);
  }

  public static boolean isOfficer(StateView state, Address account) {
    return officer(state, account).map(Appointee::isRegistered).orElse(false);
  }

  /** Registered officers in order of registration. */
  public static List<Appointee> officers(StateView state) {
    List<Appointee> out = new ArrayList<>();
    long n = count(state, OFFICER_COUNT);
    for (long i = 0; i < n && out.size() < MAX_PAGE; i++) {
      Bytes account = state.moduleValue(MODULE_ID, entryKey(OFFICER_ENTRY, i)).orElseThrow();
      officer(state, Address.of(account)).ifPresent(out::add);
    }
    return out;
  }

  public static long officerCount(StateView state) {
    return count(state, OFFICER_COUNT);
  }

  /** The latest adopted version number of {@code id}, 0 if it has none. */
  public static int latestVersion(StateView state, FenceId id) {
    return state
        .moduleValue(MODULE_ID, Bytes.concat(Bytes.of(LATEST), idBytes(id)))
        .map(b -> ByteBuffer.wrap(b.toArray()).getInt())
        .orElse(0);
  }

  public static Optional<Fence> fence(StateView state, FenceId id, int version) {
    return state.moduleValue(MODULE_ID, fenceKey(id, version)).map(Fence::decode);
  }

  public static Optional<Fence> latest(StateView state, FenceId id) {
    int v = latestVersion(state, id);
    return v == 0 ? Optional.empty() : fence(state, id, v);
  }

  /** Every adopted version of {@code id}, oldest first. */
  public static List<Fence> versions(StateView state, FenceId id) {
    List<Fence> out = new ArrayList<>();
    int latest = latestVersion(state, id);
    for (int v = 1; v <= latest; v++) {
      fence(state, id, v).ifPresent(out::add);
    }
    return out;
  }

  /** The version of {@code id} that governs at beacon height {@code height}, if any. */
  public static Optional<Fence> inForce(StateView state, FenceId id, long height) {
    for (int v = latestVersion(state, id); v >= 1; v--) {
      Optional<Fence> f = fence(state, id, v);
      if (f.isPresent() && f.get().inForceFrom() <= height) {
        return f;
      }
    }
    return Optional.empty();
  }

  /** Fence ids in order of first adoption, from {@code offset}, at most {@code limit}. */
  public static List<FenceId> fenceIds(StateView state, long offset, int limit) {
    List<FenceId> out = new ArrayList<>();
    long n = count(state, FENCE_COUNT);
    for (long i = Math.max(0, offset); i < n && out.size() < Math.min(limit, MAX_PAGE); i++) {
      Bytes b = state.moduleValue(MODULE_ID, entryKey(FENCE_ENTRY, i)).orElseThrow();
      out.add(FenceId.of(new String(b.toArray(), StandardCharsets.US_ASCII)));
    }
    return out;
  }

  public static long fenceCount(StateView state) {
    return count(state, FENCE_COUNT);
  }

  public static Optional<Proposal> proposal(StateView state, long id) {
    return state.moduleValue(MODULE_ID, entryKey(PROPOSAL, id)).map(Proposal::decode);
  }

  public static long proposalCount(StateView state) {
    return count(state, PROPOSAL_COUNT);
  }

  static void putOfficer(StateWriter state, Appointee officer) {
    state.putModuleValue(
        MODULE_ID, Bytes.concat(Bytes.of(OFFICER), officer.account().toBytes()), officer.encode());
  }

  static void appendOfficer(StateWriter state, Address account) {
    append(state, OFFICER_COUNT, OFFICER_ENTRY, account.toBytes());
  }

  static void putFence(StateWriter state, Fence fence) {
    if (fence.version() == 1) {
      append(state, FENCE_COUNT, FENCE_ENTRY, idBytesRaw(fence.id()));
    }
    state.putModuleValue(MODULE_ID, fenceKey(fence.id(), fence.version()), fence.encode());
    state.putModuleValue(
        MODULE_ID,
        Bytes.concat(Bytes.of(LATEST), idBytes(fence.id())),
        Bytes.of(ByteBuffer.allocate(4).putInt(fence.version()).array()));
  }

  static long nextProposalId(StateView state) {
    return count(state, PROPOSAL_COUNT);
  }

  static void insertProposal(StateWriter state, Proposal p) {
    putProposal(state, p);
    state.putModuleValue(MODULE_ID, Bytes.of(PROPOSAL_COUNT), u64(p.id() + 1));
  }

  static void putProposal(StateWriter state, Proposal p) {
    state.putModuleValue(MODULE_ID, entryKey(PROPOSAL, p.id()), p.encode());
  }

  private static Bytes fenceKey(FenceId id, int version) {
    return Bytes.concat(
        Bytes.of(FENCE), idBytes(id), Bytes.of(ByteBuffer.allocate(4).putInt(version).array()));
  }

  private static Bytes idBytesRaw(FenceId id) {
    return Bytes.of(id.value().getBytes(StandardCharsets.US_ASCII));
  }

  // Length-prefixed, so no fence id's key is a prefix of another's.
  private static Bytes idBytes(FenceId id) {
    Bytes raw = idBytesRaw(id);
    return Bytes.concat(Bytes.of((byte) raw.size()), raw);
  }

  private static void append(StateWriter state, byte countTag, byte entryTag, Bytes value) {
    long n = count(state, countTag);
    state.putModuleValue(MODULE_ID, entryKey(entryTag, n), value);
    state.putModuleValue(MODULE_ID, Bytes.of(countTag), u64(n + 1));
  }

  private static Bytes entryKey(byte tag, long seq) {
    return Bytes.concat(Bytes.of(tag), u64(seq));
  }

  private static long count(StateView state, byte countTag) {
    return state
        .moduleValue(MODULE_ID, Bytes.of(countTag))
        .map(b -> ByteBuffer.wrap(b.toArray()).getLong())
        .orElse(0L);
  }

  private static Bytes u64(long v) {
    return Bytes.of(ByteBuffer.allocate(8).putLong(v).array());
  }
}
