package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import java.util.Objects;

/**
 * A block header, encoded as {@code 0x01 ‖ rlp([19 fields in declaration order])}; the block hash
 * is keccak-256 of that encoding. Fields a later stage fills (vrf, vdf, crosslinks, ...) are part
 * of the format now and are empty or zero until then.
 *
 * @param shardId the shard of this chain
 * @param number height, genesis is 0
 * @param epoch the epoch the block belongs to
 * @param viewId the consensus view the block was proposed in
 * @param parentHash hash of block {@code number - 1}; zero for genesis
 * @param timestamp proposal time, milliseconds since the Unix epoch (UTC)
 * @param proposer account that receives the proposer's share of fees
 * @param stateRoot state commitment after this block
 * @param txRoot {@link ListRoot} of the transaction encodings
 * @param receiptRoot {@link ListRoot} of the receipt encodings
 * @param outgoingReceiptRoot {@link CrossShardReceipt#outgoingRoot} of receipts sent
 * @param incomingReceiptRoot {@link ListRoot} of the body's {@link IncomingReceipts} encodings
 * @param lastCommitSignature 96-byte aggregate BLS commit signature of the parent (zeros at
 *     genesis)
 * @param lastCommitBitmap which committee slots signed the parent's commit
 * @param vrf the proposer's VRF output and proof (empty until randomness lands)
 * @param vdf the epoch's VDF output and proof (empty until randomness lands)
 * @param shardStateHash hash of the committee assignment in force (zero until sharding lands)
 * @param crosslinksRoot {@link ListRoot} of the body's crosslink encodings
 * @param extra free bytes for the proposer, at most {@link LedgerLimits#maxExtraBytes()}
 */
public record BlockHeader(
    ShardId shardId,
    long number,
    long epoch,
    long viewId,
    Hash32 parentHash,
    long timestamp,
    Address proposer,
    Hash32 stateRoot,
    Hash32 txRoot,
    Hash32 receiptRoot,
    Hash32 outgoingReceiptRoot,
    Hash32 incomingReceiptRoot,
    Bytes lastCommitSignature,
    Bytes lastCommitBitmap,
    Bytes vrf,
    Bytes vdf,
    Hash32 shardStateHash,
    Hash32 crosslinksRoot,
    Bytes extra) {
  public static final int VERSION = 0x01;
  public static final int FIELDS = 19;
  public static final int SIGNATURE_SIZE = 96;
  public static final Bytes NO_SIGNATURE = Bytes.of(new byte[SIGNATURE_SIZE]);

  public BlockHeader {
    Objects.requireNonNull(shardId, "shardId");
    if (number < 0 || epoch < 0 || viewId < 0 || timestamp < 0) {
      throw new IllegalArgumentException("number, epoch, viewId, timestamp must not be negative");
    }
    for (Object o :
        new Object[] {
          parentHash,
          proposer,
          stateRoot,
          txRoot,
          receiptRoot,
          outgoingReceiptRoot,
          incomingReceiptRoot,
          lastCommitSignature,
          lastCommitBitmap,
          vrf,
          vdf,
          shardStateHash,
          crosslinksRoot,
          extra
        }) {
      Objects.requireNonNull(o, "header fields must not be null");
    }
    if (lastCommitSignature.size() != SIGNATURE_SIZE) {
      throw new IllegalArgumentException("lastCommitSignature must be 96 bytes");
    }
  }

  public Bytes encode() {
    return Rlp.encodeTyped(
        VERSION,
        RlpList.of(
            RlpString.of(shardId),
            RlpString.ofUint(number),
            RlpString.ofUint(epoch),
            RlpString.ofUint(viewId),
            RlpString.of(parentHash),
            RlpString.ofUint(timestamp),
            RlpString.of(proposer),
            RlpString.of(stateRoot),
            RlpString.of(txRoot),
            RlpString.of(receiptRoot),
            RlpString.of(outgoingReceiptRoot),
            RlpString.of(incomingReceiptRoot),
            RlpString.of(lastCommitSignature),
            RlpString.of(lastCommitBitmap),
            RlpString.of(vrf),
            RlpString.of(vdf),
            RlpString.of(shardStateHash),
            RlpString.of(crosslinksRoot),
            RlpString.of(extra)));
  }

  /** keccak-256 of {@link #encode()}. */
  public Hash32 hash() {
    return Hashing.keccak256(encode());
  }

  public static BlockHeader decode(Bytes encoded, LedgerLimits limits) {
    return Decoding.decoding(
        "block header",
        () -> {
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.blockCodec());
          if (typed.type() != VERSION) {
            throw new CodecException("unknown block header version " + typed.type());
          }
          RlpList f = typed.payload().asList().expectSize(FIELDS, "block header");
          return new BlockHeader(
              f.string(0).asShardId(),
              f.string(1).asUint64(),
              f.string(2).asUint64(),
              f.string(3).asUint64(),
              f.string(4).asHash32(),
              f.string(5).asUint64(),
              f.string(6).asAddress(),
              f.string(7).asHash32(),
              f.string(8).asHash32(),
              f.string(9).asHash32(),
              f.string(10).asHash32(),
              f.string(11).asHash32(),
              f.string(12).asBytes(SIGNATURE_SIZE),
              f.string(13).asBytesAtMost(limits.maxBitmapBytes(), "lastCommitBitmap"),
              f.string(14).asBytesAtMost(limits.maxRandomnessBytes(), "vrf"),
              f.string(15).asBytesAtMost(limits.maxRandomnessBytes(), "vdf"),
              f.string(16).asHash32(),
              f.string(17).asHash32(),
              f.string(18).asBytesAtMost(limits.maxExtraBytes(), "extra"));
        });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy of this header's fields in a builder, to derive a changed header. */
  public Builder toBuilder() {
    return new Builder()
        .shardId(shardId)
        .number(number)
        .epoch(epoch)
        .viewId(viewId)
        .parentHash(parentHash)
        .timestamp(timestamp)
        .proposer(proposer)
        .stateRoot(stateRoot)
        .txRoot(txRoot)
        .receiptRoot(receiptRoot)
        .outgoingReceiptRoot(outgoingReceiptRoot)
        .incomingReceiptRoot(incomingReceiptRoot)
        .lastCommitSignature(lastCommitSignature)
        .lastCommitBitmap(lastCommitBitmap)
        .vrf(vrf)
        .vdf(vdf)
        .shardStateHash(shardStateHash)
        .crosslinksRoot(crosslinksRoot)
        .extra(extra);
  }

  /** Builds a header; every field starts zero or empty (the values of an unfilled field). */
  public static final class Builder {
    private ShardId shardId = ShardId.BEACON;
    private long number = 0;
    private long epoch = 0;
    private long viewId = 0;
    private Hash32 parentHash = Hash32.ZERO;
    private long timestamp = 0;
    private Address proposer = Address.ZERO;
    private Hash32 stateRoot = Hash32.ZERO;
    private Hash32 txRoot = Hash32.ZERO;
    private Hash32 receiptRoot = Hash32.ZERO;
    private Hash32 outgoingReceiptRoot = Hash32.ZERO;
    private Hash32 incomingReceiptRoot = Hash32.ZERO;
    private Bytes lastCommitSignature = NO_SIGNATURE;
    private Bytes lastCommitBitmap = Bytes.EMPTY;
    private Bytes vrf = Bytes.EMPTY;
    private Bytes vdf = Bytes.EMPTY;
    private Hash32 shardStateHash = Hash32.ZERO;
    private Hash32 crosslinksRoot = Hash32.ZERO;
    private Bytes extra = Bytes.EMPTY;

    private Builder() {}

    public Builder shardId(ShardId value) {
      this.shardId = value;
      return this;
    }

    public Builder number(long value) {
      this.number = value;
      return this;
    }

    public Builder epoch(long value) {
      this.epoch = value;
      return this;
    }

    public Builder viewId(long value) {
      this.viewId = value;
      return this;
    }

    public Builder parentHash(Hash32 value) {
      this.parentHash = value;
      return this;
    }

    public Builder timestamp(long value) {
      this.timestamp = value;
      return this;
    }

    public Builder proposer(Address value) {
      this.proposer = value;
      return this;
    }

    public Builder stateRoot(Hash32 value) {
      this.stateRoot = value;
      return this;
    }

    public Builder txRoot(Hash32 value) {
      this.txRoot = value;
      return this;
    }

    public Builder receiptRoot(Hash32 value) {
      this.receiptRoot = value;
      return this;
    }

    public Builder outgoingReceiptRoot(Hash32 value) {
      this.outgoingReceiptRoot = value;
      return this;
    }

    public Builder incomingReceiptRoot(Hash32 value) {
      this.incomingReceiptRoot = value;
      return this;
    }

    public Builder lastCommitSignature(Bytes value) {
      this.lastCommitSignature = value;
      return this;
    }

    public Builder lastCommitBitmap(Bytes value) {
      this.lastCommitBitmap = value;
      return this;
    }

    public Builder vrf(Bytes value) {
      this.vrf = value;
      return this;
    }

    public Builder vdf(Bytes value) {
      this.vdf = value;
      return this;
    }

    public Builder shardStateHash(Hash32 value) {
      this.shardStateHash = value;
      return this;
    }

    public Builder crosslinksRoot(Hash32 value) {
      this.crosslinksRoot = value;
      return this;
    }

    public Builder extra(Bytes value) {
      this.extra = value;
      return this;
    }

    public BlockHeader build() {
      return new BlockHeader(
          shardId,
          number,
          epoch,
          viewId,
          parentHash,
          timestamp,
          proposer,
          stateRoot,
          txRoot,
          receiptRoot,
          outgoingReceiptRoot,
          incomingReceiptRoot,
          lastCommitSignature,
          lastCommitBitmap,
          vrf,
          vdf,
          shardStateHash,
          crosslinksRoot,
          extra);
    }
  }
}
