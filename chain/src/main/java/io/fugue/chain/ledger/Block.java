package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.Objects;

/**
 * A whole block as it travels: {@code 0x01 ‖ rlp([headerEncoding, bodyEncoding])}. Its identity is
 * the header hash; {@link #bodyMatchesHeader()} checks the body against the header's roots.
 */
public record Block(BlockHeader header, BlockBody body) {
  public static final int VERSION = 0x01;

  public Block {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
  }

  public Hash32 hash() {
    return header.hash();
  }

  public Bytes encode() {
    return Rlp.encodeTyped(
        VERSION, RlpList.of(RlpString.of(header.encode()), RlpString.of(body.encode())));
  }

  /** Decodes a block, rejecting it whole if it exceeds {@link LedgerLimits#maxBlockBytes()}. */
  public static Block decode(Bytes encoded, LedgerLimits limits) {
    if (encoded.size() > limits.maxBlockBytes()) {
      throw new CodecException(
          "block of " + encoded.size() + " bytes exceeds the limit of " + limits.maxBlockBytes());
    }
    return Decoding.decoding(
        "block",
        () -> {
          // Two strings only: a tight item limit stops a hostile block before its body is parsed.
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.blockCodec().withMaxItems(3));
          if (typed.type() != VERSION) {
            throw new CodecException("unknown block version " + typed.type());
          }
          RlpList f = typed.payload().asList().expectSize(2, "block");
          return new Block(
              BlockHeader.decode(f.string(0).value(), limits),
              BlockBody.decode(f.string(1).value(), limits));
        });
  }

  /** True if the body's transactions, incoming receipts and crosslinks match the header roots. */
  public boolean bodyMatchesHeader() {
    return header.txRoot().equals(body.txRoot())
        && header.incomingReceiptRoot().equals(body.incomingReceiptRoot())
        && header.crosslinksRoot().equals(body.crosslinksRoot());
  }
}
