package io.fugue.chain.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RlpPropertiesTest {
  private static final CodecLimits LIMITS = CodecLimits.defaults();

  @Provide
  Arbitrary<RlpItem> items() {
    return item(4);
  }

  private Arbitrary<RlpItem> item(int depth) {
    Arbitrary<RlpItem> string =
        Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(4)),
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(70)),
                net.jqwik.api.Tuple.of(
                    1, Arbitraries.bytes().array(byte[].class).ofMinSize(250).ofMaxSize(300)))
            .map(b -> new RlpString(Bytes.of(b)));
    if (depth == 0) {
      return string;
    }
    Arbitrary<RlpItem> list = item(depth - 1).list().ofMaxSize(6).map(RlpList::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, string), net.jqwik.api.Tuple.of(2, list));
  }

  @Property(tries = 500)
  void encodingRoundTrips(@ForAll("items") RlpItem item) {
    Bytes encoded = Rlp.encode(item);
    assertThat(encoded.size()).isEqualTo(item.encodedSize());
    assertThat(Rlp.decode(encoded, LIMITS)).isEqualTo(item);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            items(),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.bytes())
        .as(Mutation::new);
  }

  /** Some edit of a valid encoding: flip, replace, insert or delete a byte, or truncate. */
  record Mutation(RlpItem item, int kind, int where, byte value) {
    Bytes apply() {
      byte[] in = Rlp.encode(item).toArray();
      int at = where % in.length;
      byte[] out;
      switch (kind) {
        case 0 -> {
          out = in.clone();
          out[at] ^= (byte) (1 << (where % 8));
        }
        case 1 -> {
          out = in.clone();
          out[at] = value;
        }
        case 2 -> {
          out = new byte[in.length + 1];
          System.arraycopy(in, 0, out, 0, at);
          out[at] = value;
          System.arraycopy(in, at, out, at + 1, in.length - at);
        }
        case 3 -> {
          out = new byte[in.length - 1];
          System.arraycopy(in, 0, out, 0, at);
          System.arraycopy(in, at + 1, out, at, in.length - at - 1);
        }
        default -> out = java.util.Arrays.copyOf(in, at);
      }
      return Bytes.of(out);
    }
  }

  /**
   * A mutated encoding either fails with a {@link CodecException} or decodes to a tree whose
   * encoding is exactly the mutated bytes: no other exception, and no second encoding of a value.
   */
  @Property(tries = 2000)
  void mutatedEncodingIsRejectedOrCanonical(@ForAll("mutations") Mutation mutation) {
    Bytes mutated = mutation.apply();
    RlpItem decoded;
    try {
      decoded = Rlp.decode(mutated, LIMITS);
    } catch (CodecException expected) {
      return;
    }
    assertThat(Rlp.encode(decoded)).isEqualTo(mutated);
  }

  @Property(tries = 2000)
  void randomBytesAreRejectedOrCanonical(@ForAll byte[] input) {
    RlpItem decoded;
    try {
      decoded = Rlp.decode(Bytes.of(input), LIMITS);
    } catch (CodecException expected) {
      return;
    }
    assertThat(Rlp.encode(decoded)).isEqualTo(Bytes.of(input));
  }

  @Property
  void uint64RoundTrips(@ForAll @LongRange(min = 0) long value) {
    RlpItem decoded = Rlp.decode(Rlp.encode(RlpString.ofUint(value)), LIMITS);
    assertThat(decoded.asString().asUint64()).isEqualTo(value);
  }

  @Property
  void uint256RoundTrips(@ForAll byte[] raw, @ForAll @IntRange(min = 0, max = 32) int size) {
    byte[] bytes = java.util.Arrays.copyOf(raw, Math.min(raw.length, size));
    Uint256 value = Uint256.of(new BigInteger(1, bytes));
    RlpItem decoded = Rlp.decode(Rlp.encode(RlpString.ofUint256(value)), LIMITS);
    assertThat(decoded.asString().asUint256()).isEqualTo(value);
  }

  @Property(tries = 300)
  void typedValuesRoundTrip(
      @ForAll @IntRange(min = 0, max = 0x7f) int type, @ForAll("items") RlpItem payload) {
    Rlp.Typed decoded = Rlp.decodeTyped(Rlp.encodeTyped(type, payload), LIMITS);
    assertThat(decoded).isEqualTo(new Rlp.Typed(type, payload));
  }
}
