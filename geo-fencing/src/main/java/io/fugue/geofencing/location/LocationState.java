package io.fugue.geofencing.location;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.geofencing.ledger.Appointee;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The locations module's records under module id {@link #ID}: {@code 0x01 ‖ account(20)} → {@link
 * Appointee} (attestor); {@code 0x02} → attestor count, {@code 0x03 ‖ seq(8)} → account; {@code
 * 0x04 ‖ len(1) ‖ peer id} → {@link ClaimRecord}; {@code 0x05 ‖ bls key(48)} → peer id; {@code
 * 0x06} → peer count, {@code 0x07 ‖ seq(8)} → peer id (first publication order).
 */
public final class LocationState {
  public static final ModuleId ID = ModuleId.of("geofencing.locations");
  public static final Bytes MODULE_ID = ID.bytes();
  public static final int MAX_PAGE = 1_000;

  private static final byte ATTESTOR = 0x01;
  private static final byte ATTESTOR_COUNT = 0x02;
  private static final byte ATTESTOR_ENTRY = 0x03;
  private static final byte CLAIM = 0x04;
  private static final byte KEY = 0x05;
  private static final byte PEER_COUNT = 0x06;
  private static final byte PEER_ENTRY = 0x07;

  private LocationState() {}

  public static Optional<Appointee> attestor(StateView state, Address account) {
    return state
        .moduleValue(MODULE_ID, Bytes.concat(Bytes.of(ATTESTOR), account.toBytes()))
        .map(Appointee::decode);
  }

  public static boolean isAttestor(StateView state, Address account) {
    return attestor(state, account).map(Appointee::isRegistered).orElse(false);
  }

  public static List<Appointee> attestors(StateView state) {
    List<Appointee> out = new ArrayList<>();
    for (Bytes b : list(state, ATTESTOR_COUNT, ATTESTOR_ENTRY, 0, MAX_PAGE)) {
      attestor(state, Address.of(b)).ifPresent(out::add);
    }
    return out;
  }

  public static Optional<ClaimRecord> claim(StateView state, PeerId peer) {
    return state.moduleValue(MODULE_ID, claimKey(peer)).map(ClaimRecord::decode);
  }

  /** The peer whose current claim carries {@code key}. */
  public static Optional<PeerId> peerOf(StateView state, BlsPublicKey key) {
    return state
        .moduleValue(MODULE_ID, Bytes.concat(Bytes.of(KEY), key.toBytes()))
        .map(b -> PeerId.of(new String(b.toArray(), StandardCharsets.US_ASCII)));
  }

  /** Peers with a published claim, in order of first publication. */
  public static List<PeerId> peers(StateView state, long offset, int limit) {
    List<PeerId> out = new ArrayList<>();
    for (Bytes b : list(state, PEER_COUNT, PEER_ENTRY, offset, limit)) {
      out.add(PeerId.of(new String(b.toArray(), StandardCharsets.US_ASCII)));
    }
    return out;
  }

  static void putAttestor(StateWriter state, Appointee a, boolean newlyRegistered) {
    state.putModuleValue(
        MODULE_ID, Bytes.concat(Bytes.of(ATTESTOR), a.account().toBytes()), a.encode());
    if (newlyRegistered) {
      append(state, ATTESTOR_COUNT, ATTESTOR_ENTRY, a.account().toBytes());
    }
  }

  static void putClaim(StateWriter state, ClaimRecord record) {
    PeerId peer = record.claim().peer();
    Optional<ClaimRecord> old = claim(state, peer);
    if (old.isEmpty()) {
      append(state, PEER_COUNT, PEER_ENTRY, peerBytes(peer));
    } else {
      for (BlsPublicKey k : old.get().claim().blsKeys()) {
        state.deleteModuleValue(MODULE_ID, Bytes.concat(Bytes.of(KEY), k.toBytes()));
      }
    }
    if (!record.isRevoked()) {
      for (BlsPublicKey k : record.claim().blsKeys()) {
        state.putModuleValue(MODULE_ID, Bytes.concat(Bytes.of(KEY), k.toBytes()), peerBytes(peer));
      }
    }
    state.putModuleValue(MODULE_ID, claimKey(peer), record.encode());
  }

  private static Bytes peerBytes(PeerId peer) {
    return Bytes.of(peer.value().getBytes(StandardCharsets.US_ASCII));
  }

  private static Bytes claimKey(PeerId peer) {
    Bytes raw = peerBytes(peer);
    return Bytes.concat(Bytes.of(CLAIM), Bytes.of((byte) raw.size()), raw);
  }

  private static void append(StateWriter state, byte countTag, byte entryTag, Bytes value) {
    long n = count(state, countTag);
    state.putModuleValue(MODULE_ID, Bytes.concat(Bytes.of(entryTag), u64(n)), value);
    state.putModuleValue(MODULE_ID, Bytes.of(countTag), u64(n + 1));
  }

  private static List<Bytes> list(
      StateView state, byte countTag, byte entryTag, long offset, int limit) {
    List<Bytes> out = new ArrayList<>();
    long n = count(state, countTag);
    for (long i = Math.max(0, offset); i < n && out.size() < Math.min(limit, MAX_PAGE); i++) {
      state.moduleValue(MODULE_ID, Bytes.concat(Bytes.of(entryTag), u64(i))).ifPresent(out::add);
    }
    return out;
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
