package io.fugue.chain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LedgerCodecPropertiesTest {
  private static final LedgerLimits LIMITS = LedgerLimits.defaults();

  @Provide
  Arbitrary<Transaction> transactions() {
    return LedgerArbitraries.transactions();
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    return LedgerArbitraries.headers();
  }

  @Provide
  Arbitrary<BlockBody> bodies() {
    return LedgerArbitraries.bodies();
  }

  @Provide
  Arbitrary<Receipt> receipts() {
    return LedgerArbitraries.receipts();
  }

  @Property(tries = 100)
  void transactionsRoundTripWithTheirSender(@ForAll("transactions") Transaction tx) {
    Transaction decoded = Transaction.decode(tx.encode(), LIMITS);
    assertThat(decoded).isEqualTo(tx);
    assertThat(decoded.sender()).isEqualTo(tx.sender()).isPresent();
  }

  @Property(tries = 200)
  void headersRoundTripAndHashTheirEncoding(@ForAll("headers") BlockHeader header) {
    assertThat(BlockHeader.decode(header.encode(), LIMITS)).isEqualTo(header);
    assertThat(header.hash()).isEqualTo(Hashing.keccak256(header.encode()));
  }

  @Property(tries = 50)
  void bodiesAndBlocksRoundTrip(
      @ForAll("bodies") BlockBody body, @ForAll("headers") BlockHeader h) {
    assertThat(BlockBody.decode(body.encode(), LIMITS)).isEqualTo(body);
    Block block =
        new Block(
            h.toBuilder()
                .txRoot(body.txRoot())
                .incomingReceiptRoot(body.incomingReceiptRoot())
                .crosslinksRoot(body.crosslinksRoot())
                .build(),
            body);
    Block decoded = Block.decode(block.encode(), LIMITS);
    assertThat(decoded).isEqualTo(block);
    assertThat(decoded.bodyMatchesHeader()).isTrue();
  }

  @Property(tries = 200)
  void receiptsRoundTrip(@ForAll("receipts") Receipt receipt) {
    assertThat(Receipt.decode(receipt.encode(), LIMITS)).isEqualTo(receipt);
  }

  @Property(tries = 300)
  void mutatedTransactionsAreRejectedOrCanonical(
      @ForAll("transactions") Transaction tx, @ForAll("edits") Edit edit) {
    checkMutation(tx.encode(), edit, b -> Transaction.decode(b, LIMITS), Transaction::encode);
  }

  @Property(tries = 300)
  void mutatedHeadersAreRejectedOrCanonical(
      @ForAll("headers") BlockHeader header, @ForAll("edits") Edit edit) {
    checkMutation(header.encode(), edit, b -> BlockHeader.decode(b, LIMITS), BlockHeader::encode);
  }

  @Property(tries = 100)
  void mutatedBodiesAreRejectedOrCanonical(
      @ForAll("bodies") BlockBody body, @ForAll("edits") Edit edit) {
    checkMutation(body.encode(), edit, b -> BlockBody.decode(b, LIMITS), BlockBody::encode);
  }

  /** One byte changed, inserted or removed, or the input cut short. */
  record Edit(int kind, int where, byte value) {
    Bytes apply(Bytes input) {
      byte[] in = input.toArray();
      int at = where % in.length;
      return switch (kind) {
        case 0 -> {
          byte[] out = in.clone();
          out[at] = out[at] == value ? (byte) (value + 1) : value;
          yield Bytes.of(out);
        }
        case 1 ->
            Bytes.concat(Bytes.of(in, 0, at), Bytes.of(value), Bytes.of(in, at, in.length - at));
        case 2 -> Bytes.concat(Bytes.of(in, 0, at), Bytes.of(in, at + 1, in.length - at - 1));
        default -> Bytes.of(in, 0, at);
      };
    }
  }

  @Provide
  Arbitrary<Edit> edits() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.bytes())
        .as(Edit::new);
  }

  private static <T> void checkMutation(
      Bytes valid, Edit edit, Function<Bytes, T> decode, Function<T, Bytes> encode) {
    Bytes mutated = edit.apply(valid);
    T decoded;
    try {
      decoded = decode.apply(mutated);
    } catch (CodecException rejected) {
      return;
    }
    assertThat(encode.apply(decoded)).isEqualTo(mutated);
  }
}
