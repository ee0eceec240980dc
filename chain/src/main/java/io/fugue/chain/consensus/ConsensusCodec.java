package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.AggregateVote;
import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.M1Group;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.PreparedClaim;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Canonical length-prefixed big-endian encoding of {@link ConsensusMessage}s (docs/protocol.md).
 * Decoding is strict: unknown version or type, short or trailing bytes, oversized fields, bad
 * bitmaps and inconsistent fields are all {@link DecodeResult.Malformed}, never an exception.
 */
public final class ConsensusCodec {
  public static final int VERSION = 1;
  static final int ANNOUNCE = 1,
      PREPARE = 2,
      PREPARED = 3,
      COMMIT = 4,
      COMMITTED = 5,
      VIEWCHANGE = 6,
      NEWVIEW = 7;
  private static final int M1 = 1, M2 = 2;

  private final ConsensusLimits limits;

  public ConsensusCodec(ConsensusLimits limits) {
    this.limits = Objects.requireNonNull(limits);
  }

  public Bytes encode(ConsensusMessage message) {
    Writer w = new Writer();
    w.u8(VERSION)
        .u8(typeOf(message))
        .u32(message.shard())
        .u64(message.height())
        .u64(message.viewId());
    w.raw(message.sender().bytes());
    if (message instanceof Announce a) {
      w.raw(a.blockHash().toBytes()).block(a.block()).raw(a.proposerSignature().bytes());
    } else if (message instanceof Vote v) {
      w.raw(v.blockHash().toBytes()).raw(v.signature().bytes());
    } else if (message instanceof Certified c) {
      QuorumCertificate qc = c.certificate();
      w.raw(qc.blockHash().toBytes()).aggregate(new AggregateVote(qc.aggregate(), qc.signers()));
    } else if (message instanceof ViewChange vc) {
      encodeViewChange(w, vc);
    } else {
      encodeNewView(w, (NewView) message);
    }
    return w.toBytes();
  }

  private static int typeOf(ConsensusMessage message) {
    if (message instanceof Announce) {
      return ANNOUNCE;
    } else if (message instanceof Vote v) {
      return v.phase() == Phase.PREPARE ? PREPARE : COMMIT;
    } else if (message instanceof Certified c) {
      return c.certificate().phase() == Phase.PREPARE ? PREPARED : COMMITTED;
    }
    return message instanceof ViewChange ? VIEWCHANGE : NEWVIEW;
  }

  private static void encodeViewChange(Writer w, ViewChange vc) {
    w.raw(vc.m3Signature().bytes());
    if (vc.prepared().isPresent()) {
      PreparedClaim p = vc.prepared().get();
      w.u8(M1).preparedCertificate(p.prepared()).raw(p.m1Signature().bytes()).block(p.block());
    } else {
      w.u8(M2).raw(vc.nilSignature().orElseThrow().bytes());
    }
  }

  private static void encodeNewView(Writer w, NewView nv) {
    w.raw(nv.blockHash().toBytes())
        .block(nv.block())
        .raw(nv.proposerSignature().bytes())
        .aggregate(nv.m3());
    w.u8(nv.m2().isPresent() ? 1 : 0);
    nv.m2().ifPresent(w::aggregate);
    w.u16(nv.m1Groups().size());
    for (M1Group g : nv.m1Groups()) {
      w.preparedCertificate(g.prepared()).aggregate(g.m1());
    }
  }

  public DecodeResult decode(Bytes bytes) {
    if (bytes.size() > limits.maxMessageBytes()) {
      return new DecodeResult.Malformed("message of " + bytes.size() + " bytes exceeds the limit");
    }
    try {
      return new DecodeResult.Decoded(decodeChecked(new ByteReader(bytes.toArray())));
    } catch (ByteReader.MalformedException | IllegalArgumentException e) {
      return new DecodeResult.Malformed(e.getMessage());
    }
  }

  private ConsensusMessage decodeChecked(ByteReader r) {
    int version = r.u8("version");
    if (version != VERSION) {
      throw ByteReader.malformed("unknown version " + version);
    }
    int type = r.u8("type");
    int shard = r.u32("shard");
    long height = r.u63("height");
    long view = r.u63("view");
    ValidatorKey sender = r.key("sender");
    ConsensusMessage m =
        switch (type) {
          case ANNOUNCE ->
              new Announce(
                  shard,
                  height,
                  view,
                  sender,
                  r.hash("block hash"),
                  block(r),
                  r.signature("proposer signature"));
          case PREPARE, COMMIT ->
              new Vote(
                  type == PREPARE ? Phase.PREPARE : Phase.COMMIT,
                  shard,
                  height,
                  view,
                  sender,
                  r.hash("block hash"),
                  r.signature("vote signature"));
          case PREPARED, COMMITTED ->
              new Certified(
                  shard,
                  sender,
                  new QuorumCertificate(
                      type == PREPARED ? Phase.PREPARE : Phase.COMMIT,
                      height,
                      view,
                      r.hash("block hash"),
                      r.signature("aggregate"),
                      bitmap(r)));
          case VIEWCHANGE -> decodeViewChange(r, shard, height, view, sender);
          case NEWVIEW -> decodeNewView(r, shard, height, view, sender);
          default -> throw ByteReader.malformed("unknown message type " + type);
        };
    r.requireEnd();
    return m;
  }

  private ViewChange decodeViewChange(
      ByteReader r, int shard, long height, long view, ValidatorKey sender) {
    ValidatorSignature m3 = r.signature("M3 signature");
    int kind = r.u8("view change kind");
    if (kind == M2) {
      return new ViewChange(
          shard,
          height,
          view,
          sender,
          m3,
          Optional.empty(),
          Optional.of(r.signature("M2 signature")));
    }
    if (kind != M1) {
      throw ByteReader.malformed("unknown view change kind " + kind);
    }
    QuorumCertificate qc = preparedCertificate(r, height);
    ValidatorSignature m1 = r.signature("M1 signature");
    PreparedClaim claim = new PreparedClaim(qc, block(r), m1);
    return new ViewChange(shard, height, view, sender, m3, Optional.of(claim), Optional.empty());
  }

  private NewView decodeNewView(
      ByteReader r, int shard, long height, long view, ValidatorKey sender) {
    var hash = r.hash("block hash");
    Bytes block = block(r);
    ValidatorSignature proposer = r.signature("proposer signature");
    AggregateVote m3 = aggregate(r);
    int hasM2 = r.u8("M2 flag");
    if (hasM2 > 1) {
      throw ByteReader.malformed("M2 flag must be 0 or 1");
    }
    Optional<AggregateVote> m2 = hasM2 == 1 ? Optional.of(aggregate(r)) : Optional.empty();
    int groups = r.u16("M1 group count");
    if (groups > limits.maxCommitteeSize()) {
      throw ByteReader.malformed("too many M1 groups: " + groups);
    }
    List<M1Group> m1 = new ArrayList<>(groups);
    for (int i = 0; i < groups; i++) {
      m1.add(new M1Group(preparedCertificate(r, height), aggregate(r)));
    }
    return new NewView(shard, height, view, sender, hash, block, proposer, m3, m2, m1);
  }

  private QuorumCertificate preparedCertificate(ByteReader r, long height) {
    long preparedView = r.u63("prepared view");
    return new QuorumCertificate(
        Phase.PREPARE,
        height,
        preparedView,
        r.hash("prepared hash"),
        r.signature("prepared aggregate"),
        bitmap(r));
  }

  private AggregateVote aggregate(ByteReader r) {
    return new AggregateVote(r.signature("aggregate"), bitmap(r));
  }

  private SignerBitmap bitmap(ByteReader r) {
    int size = r.u16("bitmap size");
    if (size < 1 || size > limits.maxCommitteeSize()) {
      throw ByteReader.malformed("bitmap committee size " + size + " out of range");
    }
    return new SignerBitmap(size, r.bytes(SignerBitmap.byteLength(size), "bitmap"));
  }

  private Bytes block(ByteReader r) {
    int length = r.u32("block length");
    if (length < 0 || length > limits.maxBlockBytes()) {
      throw ByteReader.malformed(
          "block of " + Integer.toUnsignedString(length) + " bytes exceeds the limit");
    }
    return r.bytes(length, "block");
  }

  /** Big-endian writer. */
  private static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    Writer u8(int v) {
      out.write(v);
      return this;
    }

    Writer u16(int v) {
      return u8(v >>> 8).u8(v);
    }

    Writer u32(int v) {
      return u16(v >>> 16).u16(v & 0xFFFF);
    }

    Writer u64(long v) {
      return u32((int) (v >>> 32)).u32((int) v);
    }

    Writer raw(Bytes b) {
      out.writeBytes(b.toArray());
      return this;
    }

    Writer block(Bytes b) {
      return u32(b.size()).raw(b);
    }

    Writer aggregate(AggregateVote a) {
      return raw(a.aggregate().bytes()).u16(a.signers().size()).raw(a.signers().bits());
    }

    Writer preparedCertificate(QuorumCertificate qc) {
      u64(qc.viewId()).raw(qc.blockHash().toBytes());
      return aggregate(new AggregateVote(qc.aggregate(), qc.signers()));
    }

    Bytes toBytes() {
      return Bytes.of(out.toByteArray());
    }
  }
}
