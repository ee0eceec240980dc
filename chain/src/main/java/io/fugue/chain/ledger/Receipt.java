package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one transaction: {@code 0x01 ‖ rlp([status, feeUsed, logs])}, each log {@code
 * [address, [topic...], data]}. The block header's receiptRoot is the {@link ListRoot} of the
 * block's receipt encodings, in transaction order.
 */
public record Receipt(Status status, Uint256 feeUsed, List<Log> logs) {
  public static final int VERSION = 0x01;

  /** Most topics on one log (as in Ethereum's LOG0..LOG4). */
  public static final int MAX_TOPICS = 4;

  /** Whether the transaction's effects were applied (the fee is charged either way). */
  public enum Status {
    FAILED(0),
    SUCCESS(1);

    private final int code;

    Status(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    static Status fromCode(long code) {
      for (Status s : values()) {
        if (s.code == code) {
          return s;
        }
      }
      throw new CodecException("unknown receipt status " + code);
    }
  }

  /** An event a ledger module emits: its emitter, indexed topics and opaque data. */
  public record Log(Address address, List<Hash32> topics, Bytes data) {
    public Log {
      Objects.requireNonNull(address, "address");
      topics = List.copyOf(topics);
      Objects.requireNonNull(data, "data");
      if (topics.size() > MAX_TOPICS) {
        throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
      }
    }

    RlpList toRlp() {
      List<RlpItem> t = new ArrayList<>();
      topics.forEach(h -> t.add(RlpString.of(h)));
      return RlpList.of(RlpString.of(address), new RlpList(t), RlpString.of(data));
    }

    static Log fromRlp(RlpList l) {
      l.expectSize(3, "log");
      RlpList t = l.list(1);
      List<Hash32> topics = new ArrayList<>(t.size());
      for (int i = 0; i < t.size(); i++) {
        topics.add(t.string(i).asHash32());
      }
      return new Log(l.string(0).asAddress(), topics, l.string(2).value());
    }
  }

  public Receipt {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(feeUsed, "feeUsed");
    logs = List.copyOf(logs);
  }

  public Bytes encode() {
    List<RlpItem> l = new ArrayList<>(logs.size());
    logs.forEach(log -> l.add(log.toRlp()));
    return Rlp.encodeTyped(
        VERSION,
        RlpList.of(RlpString.ofUint(status.code()), RlpString.ofUint256(feeUsed), new RlpList(l)));
  }

  public static Receipt decode(Bytes encoded, LedgerLimits limits) {
    return Decoding.decoding(
        "receipt",
        () -> {
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.blockCodec());
          if (typed.type() != VERSION) {
            throw new CodecException("unknown receipt version " + typed.type());
          }
          RlpList f = typed.payload().asList().expectSize(3, "receipt");
          RlpList l = f.list(2);
          if (l.size() > limits.maxLogsPerReceipt()) {
            throw new CodecException(
                l.size() + " logs exceed the limit of " + limits.maxLogsPerReceipt());
          }
          List<Log> logs = new ArrayList<>(l.size());
          for (int i = 0; i < l.size(); i++) {
            logs.add(Log.fromRlp(l.list(i)));
          }
          return new Receipt(
              Status.fromCode(f.string(0).asUint64()), f.string(1).asUint256(), logs);
        });
  }

  /** The receipt root of a block: the {@link ListRoot} of the receipts' encodings. */
  public static Hash32 root(List<Receipt> receipts) {
    List<Bytes> encoded = new ArrayList<>(receipts.size());
    receipts.forEach(r -> encoded.add(r.encode()));
    return ListRoot.of(encoded);
  }
}
