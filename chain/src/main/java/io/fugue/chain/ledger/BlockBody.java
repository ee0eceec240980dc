package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A block body: {@code 0x01 ‖ rlp([[tx...], [incoming...], [crosslink...]])}, each element the byte
 * string of that object's own typed encoding (so it hashes the same inside and outside). The header
 * commits to each list with a {@link ListRoot}.
 */
public record BlockBody(
    List<Transaction> transactions,
    List<IncomingReceipts> incomingReceipts,
    List<Crosslink> crosslinks) {
  public static final int VERSION = 0x01;
  public static final BlockBody EMPTY = new BlockBody(List.of(), List.of(), List.of());

  public BlockBody {
    transactions = List.copyOf(transactions);
    incomingReceipts = List.copyOf(incomingReceipts);
    crosslinks = List.copyOf(crosslinks);
  }

  public Bytes encode() {
    return Rlp.encodeTyped(
        VERSION,
        RlpList.of(
            strings(transactions, Transaction::encode),
            strings(incomingReceipts, IncomingReceipts::encode),
            strings(crosslinks, Crosslink::encode)));
  }

  public static BlockBody decode(Bytes encoded, LedgerLimits limits) {
    if (encoded.size() > limits.maxBlockBytes()) {
      throw new CodecException(
          "block body of "
              + encoded.size()
              + " bytes exceeds the limit of "
              + limits.maxBlockBytes());
    }
    return Decoding.decoding(
        "block body",
        () -> {
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.blockCodec());
          if (typed.type() != VERSION) {
            throw new CodecException("unknown block body version " + typed.type());
          }
          RlpList f = typed.payload().asList().expectSize(3, "block body");
          return new BlockBody(
              parse(
                  f.list(0),
                  limits.maxTransactionsPerBlock(),
                  "transactions",
                  b -> Transaction.decode(b, limits)),
              parse(
                  f.list(1),
                  limits.maxIncomingReceiptBatches(),
                  "incoming receipts",
                  b -> IncomingReceipts.decode(b, limits)),
              parse(
                  f.list(2),
                  limits.maxCrosslinks(),
                  "crosslinks",
                  b -> Crosslink.decode(b, limits)));
        });
  }

  public Hash32 txRoot() {
    return ListRoot.of(transactions.stream().map(Transaction::encode).toList());
  }

  public Hash32 incomingReceiptRoot() {
    return ListRoot.of(incomingReceipts.stream().map(IncomingReceipts::encode).toList());
  }

  public Hash32 crosslinksRoot() {
    return ListRoot.of(crosslinks.stream().map(Crosslink::encode).toList());
  }

  private static <T> RlpList strings(List<T> items, Function<T, Bytes> encode) {
    List<RlpItem> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(RlpString.of(encode.apply(i))));
    return new RlpList(out);
  }

  private static <T> List<T> parse(RlpList list, int max, String what, Function<Bytes, T> decode) {
    if (list.size() > max) {
      throw new CodecException(list.size() + " " + what + " exceed the limit of " + max);
    }
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(decode.apply(list.string(i).value()));
    }
    return out;
  }
}
