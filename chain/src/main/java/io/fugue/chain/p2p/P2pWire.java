package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte layouts shared with the native host (mirrored by {@code native/rust/p2p/wire.rs}, {@code
 * config.rs}, {@code command.rs} and {@code events.rs}): big-endian integers, {@code
 * u32}-length-prefixed bytes and UTF-8 strings; commands are an opcode and its fields; events are
 * {@code [u8 tag][u32 length][body]} records.
 */
final class P2pWire {
  static final byte CONFIG_VERSION = 1;

  static final byte OP_LISTEN = 1;
  static final byte OP_DIAL = 2;
  static final byte OP_ADD_PEER = 3;
  static final byte OP_BOOTSTRAP = 4;
  static final byte OP_SUBSCRIBE = 5;
  static final byte OP_UNSUBSCRIBE = 6;
  static final byte OP_PUBLISH = 7;
  static final byte OP_VALIDATE = 8;
  static final byte OP_REQUEST = 9;
  static final byte OP_RESPOND = 10;
  static final byte OP_DROP_REQUEST = 11;
  static final byte OP_BAN = 12;
  static final byte OP_UNBAN = 13;
  static final byte OP_PEERS = 14;
  static final byte OP_PENALIZE = 15;
  static final byte OP_PEER_SCORES = 16;

  private P2pWire() {}

  /** Appends fields; the writer for configs and commands. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer u8(int v) {
      out.write(v);
      return this;
    }

    Writer bool(boolean v) {
      return u8(v ? 1 : 0);
    }

    Writer u32(long v) {
      if (v < 0 || v > 0xffff_ffffL) {
        throw new IllegalArgumentException("value out of u32 range: " + v);
      }
      out.writeBytes(ByteBuffer.allocate(4).putInt((int) v).array());
      return this;
    }

    Writer u64(long v) {
      out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
      return this;
    }

    Writer bytes(byte[] v) {
      u32(v.length);
      out.writeBytes(v);
      return this;
    }

    Writer string(String v) {
      return bytes(v.getBytes(StandardCharsets.UTF_8));
    }

    Writer strings(List<String> v) {
      u32(v.size());
      v.forEach(this::string);
      return this;
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }

  /** The identify protocol version a host of {@code network} announces (native behaviour.rs). */
  static String identifyProtocol(String network) {
    return "/fugue/" + network + "/1.0.0";
  }

  static byte[] encodeConfig(P2pConfig c) {
    P2pLimits l = c.limits();
    Writer w = new Writer().u8(CONFIG_VERSION).string(c.network()).bool(c.kadServer());
    w.strings(c.listenAddresses()).strings(c.bootnodes());
    w.u32(l.maxGossipBytes()).u32(l.maxRequestBytes()).u32(l.maxResponseBytes());
    w.u32(l.maxConnections()).u32(l.maxConnectionsPerPeer()).u32(l.maxPendingConnections());
    w.u32(l.targetPeers()).u32(l.peerMessagesPerSecond()).u32(l.peerBurst());
    w.u32(l.eventQueueBytes());
    w.u32(c.requestTimeout().toMillis()).u32(c.heartbeat().toMillis());
    w.u32(c.bootstrapInterval().toMillis()).u32(c.idleTimeout().toMillis());
    return w.u32(c.workerThreads()).toArray();
  }

  static Writer command(byte opcode) {
    return new Writer().u8(opcode);
  }

  /** Decodes a polled batch; throws {@link P2pException} on a malformed record. */
  static List<P2pEvent> decodeEvents(byte[] batch) {
    ByteBuffer buf = ByteBuffer.wrap(batch);
    List<P2pEvent> events = new ArrayList<>();
    try {
      while (buf.hasRemaining()) {
        int tag = buf.get() & 0xff;
        ByteBuffer body = ByteBuffer.wrap(bytes(buf));
        events.add(decodeEvent(tag, body));
        if (body.hasRemaining()) {
          throw new P2pException("event " + tag + " has trailing bytes");
        }
      }
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new P2pException("malformed event batch: " + e, e);
    }
    return events;
  }

  private static P2pEvent decodeEvent(int tag, ByteBuffer b) {
    return switch (tag) {
      case 1 -> new P2pEvent.ListenAddress(string(b));
      case 2 -> new P2pEvent.PeerConnected(peer(b), string(b), bool(b));
      case 3 -> new P2pEvent.PeerDisconnected(peer(b));
      case 4 -> new P2pEvent.PeerIdentified(peer(b), string(b), string(b), strings(b));
      case 5 -> gossip(b);
      case 6 -> new P2pEvent.InboundRequest(b.getLong(), peer(b), Bytes.of(bytes(b)));
      case 7 -> new P2pEvent.Response(b.getLong(), peer(b), Bytes.of(bytes(b)));
      case 8 -> new P2pEvent.RequestFailed(b.getLong(), peer(b), string(b));
      case 9 -> new P2pEvent.Overflow(b.getLong());
      case 10 -> new P2pEvent.HostFailed(string(b));
      default -> throw new P2pException("unknown event tag " + tag);
    };
  }

  private static P2pEvent gossip(ByteBuffer b) {
    Bytes id = Bytes.of(bytes(b));
    PeerId propagation = peer(b);
    String source = string(b);
    String topic = string(b);
    Bytes data = Bytes.of(bytes(b));
    // Strict signing guarantees a source; fall back to the forwarder if a future mode drops it.
    PeerId origin = source.isEmpty() ? propagation : new PeerId(source);
    return new P2pEvent.Gossip(new GossipMessage(topic, origin, propagation, id, data));
  }

  private static byte[] bytes(ByteBuffer b) {
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new P2pException("length " + len + " exceeds the " + b.remaining() + " bytes left");
    }
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }

  private static String string(ByteBuffer b) {
    return new String(bytes(b), StandardCharsets.UTF_8);
  }

  private static List<String> strings(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) {
      throw new P2pException("implausible list size " + n);
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(string(b));
    }
    return out;
  }

  private static boolean bool(ByteBuffer b) {
    int v = b.get();
    if (v != 0 && v != 1) {
      throw new P2pException("not a boolean: " + v);
    }
    return v == 1;
  }

  private static PeerId peer(ByteBuffer b) {
    return new PeerId(string(b));
  }

  /** Decodes the reply of {@code OP_PEERS}. */
  static List<PeerId> decodePeers(byte[] reply) {
    ByteBuffer b = ByteBuffer.wrap(reply);
    try {
      return strings(b).stream().map(PeerId::new).toList();
    } catch (BufferUnderflowException e) {
      throw new P2pException("malformed peer list", e);
    }
  }

  /** The reply of {@code OP_PEER_SCORES}: {@code [u32 n] n × ([string peer][u64 f64 bits])}. */
  static java.util.Map<PeerId, Double> decodeScores(byte[] reply) {
    ByteBuffer b = ByteBuffer.wrap(reply);
    try {
      int n = b.getInt();
      if (n < 0 || n > reply.length) {
        throw new P2pException("malformed score list: " + n + " entries");
      }
      java.util.Map<PeerId, Double> scores = new java.util.LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        PeerId peer = peer(b);
        scores.put(peer, Double.longBitsToDouble(b.getLong()));
      }
      if (b.hasRemaining()) {
        throw new P2pException("trailing bytes after the score list");
      }
      return scores;
    } catch (BufferUnderflowException e) {
      throw new P2pException("malformed score list", e);
    }
  }
}
