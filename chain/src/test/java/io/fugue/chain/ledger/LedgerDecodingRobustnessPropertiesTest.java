package io.fugue.chain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.primitives.Bytes;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Arbitrary bytes given to the ledger decoders: a CodecException or a canonical value. */
class LedgerDecodingRobustnessPropertiesTest {
  private static final LedgerLimits LIMITS = LedgerLimits.defaults();

  private static <T> void check(byte[] raw, Function<Bytes, T> decode, Function<T, Bytes> encode) {
    T value;
    try {
      value = decode.apply(Bytes.of(raw));
    } catch (CodecException expected) {
      return;
    }
    assertThat(encode.apply(value)).isEqualTo(Bytes.of(raw));
  }

  private static byte[] typed(int type, byte[] rest) {
    byte[] out = new byte[rest.length + 1];
    out[0] = (byte) type;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  @Property(tries = 1000)
  void randomBytesNeverCrashTheDecoders(
      @ForAll byte[] rest, @ForAll @IntRange(min = 0, max = 3) int type) {
    byte[] raw = typed(type, rest);
    check(raw, b -> Transaction.decode(b, LIMITS), Transaction::encode);
    check(raw, b -> BlockHeader.decode(b, LIMITS), BlockHeader::encode);
    check(raw, b -> BlockBody.decode(b, LIMITS), BlockBody::encode);
    check(raw, b -> Block.decode(b, LIMITS), Block::encode);
    check(raw, b -> Receipt.decode(b, LIMITS), Receipt::encode);
    check(raw, b -> Crosslink.decode(b, LIMITS), Crosslink::encode);
    check(raw, b -> CrossShardReceipt.decode(b, LIMITS), CrossShardReceipt::encode);
    check(raw, b -> IncomingReceipts.decode(b, LIMITS), IncomingReceipts::encode);
  }
}
