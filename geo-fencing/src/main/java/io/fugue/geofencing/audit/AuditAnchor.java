package io.fugue.geofencing.audit;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.GeoFencingTypes;
import java.util.Objects;
import java.util.Optional;

/**
 * The on-chain anchor of a node's audit log (transaction type {@link
 * GeoFencingTypes#AUDIT_ANCHOR}): the sender states that entry {@code seq} of its log has hash
 * {@code head}. Since each entry's hash commits to every entry before it, an auditor holding the
 * exported log checks that the entry at {@code seq} has this hash: any later alteration, removal or
 * reordering of the first {@code seq + 1} entries is then evident from the chain alone. Anchors of
 * one sender only move forward ({@code seq} strictly greater than its last anchor's). The body is
 * {@code rlp([seq, head(32)])}; the state keeps, under module {@link #ID}, {@code 0x01 ‖
 * sender(20)} → {@code rlp([seq, head(32), beaconHeight])}.
 *
 * @param seq the position of the anchored entry in the sender's log, from 0
 * @param head that entry's hash
 */
public record AuditAnchor(long seq, Hash32 head) {
  public static final ModuleId ID = ModuleId.of("geofencing.audit");

  private static final byte LATEST = 0x01;

  public AuditAnchor {
    Objects.requireNonNull(head, "head");
    if (seq < 0) {
      throw new GeoFencingException("an anchored sequence number is at least 0, got " + seq);
    }
  }

  /** An anchor as recorded on chain. */
  public record Recorded(AuditAnchor anchor, long beaconHeight) {}

  /** The transaction body, {@code [seq, head]}. */
  public RlpList body() {
    return RlpList.of(RlpString.ofUint(seq), RlpString.of(head));
  }

  /** Reads {@link #body()}'s form strictly. */
  public static AuditAnchor decode(RlpList body) {
    return Codecs.reading(
        "audit anchor",
        () -> {
          body.expectSize(2, "audit anchor");
          return new AuditAnchor(body.string(0).asUint64(), body.string(1).asHash32());
        });
  }

  /** The latest anchor {@code sender} recorded, if any. */
  public static Optional<Recorded> latest(StateView state, Address sender) {
    return state
        .moduleValue(ID.bytes(), key(sender))
        .map(
            b ->
                Codecs.decoding(
                    "audit anchor record",
                    b,
                    l -> {
                      l.expectSize(3, "audit anchor record");
                      return new Recorded(
                          new AuditAnchor(l.string(0).asUint64(), l.string(1).asHash32()),
                          l.string(2).asUint64());
                    }));
  }

  /** Why {@code sender} may not record this anchor now, or empty if it may. */
  public Optional<String> check(StateView state, Address sender) {
    Optional<Recorded> last = latest(state, sender);
    if (last.isPresent() && last.get().anchor().seq() >= seq) {
      return Optional.of(
          "audit anchors move forward: "
              + sender
              + " already anchored entry "
              + last.get().anchor().seq()
              + ", this anchor is for entry "
              + seq);
    }
    return Optional.empty();
  }

  /** Records this anchor for {@code sender} at {@code beaconHeight}; refuses as {@link #check}. */
  public void apply(StateWriter state, Address sender, long beaconHeight) {
    Optional<String> refusal = check(state, sender);
    if (refusal.isPresent()) {
      throw new GeoFencingException(refusal.get());
    }
    state.putModuleValue(
        ID.bytes(),
        key(sender),
        Rlp.encode(
            RlpList.of(RlpString.ofUint(seq), RlpString.of(head), RlpString.ofUint(beaconHeight))));
  }

  private static Bytes key(Address sender) {
    return Bytes.concat(Bytes.of(new byte[] {LATEST}), sender.toBytes());
  }
}
