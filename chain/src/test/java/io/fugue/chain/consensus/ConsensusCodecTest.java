package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ConsensusMessage.AggregateVote;
import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.M1Group;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.PreparedClaim;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ConsensusCodecTest {
  private static final ConsensusCodec CODEC = new ConsensusCodec(ConsensusLimits.defaults());
  private static final Random R = new Random(5);
  private static final ValidatorKey KEY = new ValidatorKey(Adversary.randomBytes(R, 48));
  private static final Hash32 HASH = Adversary.randomHash(R);
  private static final ValidatorSignature SIG = Adversary.randomSig(R);
  private static final SignerBitmap BITS = SignerBitmap.of(10, List.of(0, 2, 9));
  private static final QuorumCertificate PREPARED =
      new QuorumCertificate(Phase.PREPARE, 5, 2, HASH, SIG, BITS);

  static List<ConsensusMessage> samples() {
    Bytes block = Bytes.fromHex("0102030405");
    return List.of(
        new Announce(3, 5, 0, KEY, HASH, block, SIG),
        new Vote(Phase.PREPARE, 3, 5, 0, KEY, HASH, SIG),
        new Vote(Phase.COMMIT, 3, 5, 1, KEY, HASH, SIG),
        new Certified(3, KEY, PREPARED),
        new Certified(3, KEY, new QuorumCertificate(Phase.COMMIT, 5, 4, HASH, SIG, BITS)),
        new ViewChange(3, 5, 3, KEY, SIG, Optional.empty(), Optional.of(SIG)),
        new ViewChange(
            3,
            5,
            3,
            KEY,
            SIG,
            Optional.of(new PreparedClaim(PREPARED, block, SIG)),
            Optional.empty()),
        new NewView(
            3,
            5,
            3,
            KEY,
            HASH,
            block,
            SIG,
            new AggregateVote(SIG, BITS),
            Optional.of(new AggregateVote(SIG, BITS)),
            List.of(new M1Group(PREPARED, new AggregateVote(SIG, BITS)))),
        new NewView(
            3,
            5,
            3,
            KEY,
            HASH,
            Bytes.EMPTY,
            SIG,
            new AggregateVote(SIG, BITS),
            Optional.empty(),
            List.of()));
  }

  @Test
  void shouldRoundTripEveryMessageType() {
    for (ConsensusMessage m : samples()) {
      Bytes encoded = CODEC.encode(m);
      assertThat(CODEC.decode(encoded)).isEqualTo(new DecodeResult.Decoded(m));
      assertThat(encoded.get(0)).isEqualTo((byte) ConsensusCodec.VERSION);
    }
  }

  @Test
  void shouldLayOutAVoteExactlyAsDocumented() {
    Bytes encoded = CODEC.encode(new Vote(Phase.PREPARE, 3, 5, 1, KEY, HASH, SIG));
    Bytes expected =
        Bytes.concat(
            Bytes.fromHex("0102" + "00000003" + "0000000000000005" + "0000000000000001"),
            KEY.bytes(),
            HASH.toBytes(),
            SIG.bytes());
    assertThat(encoded).isEqualTo(expected);
    assertThat(encoded.size()).isEqualTo(1 + 1 + 4 + 8 + 8 + 48 + 32 + 96);
  }

  @Test
  void shouldRejectEveryTruncationAndTrailingBytes() {
    for (ConsensusMessage m : samples()) {
      Bytes encoded = CODEC.encode(m);
      for (int len = 0; len < encoded.size(); len++) {
        assertThat(CODEC.decode(encoded.slice(0, len))).isInstanceOf(DecodeResult.Malformed.class);
      }
      assertThat(CODEC.decode(Bytes.concat(encoded, Bytes.of((byte) 0))))
          .isEqualTo(new DecodeResult.Malformed("1 trailing bytes"));
    }
  }

  @Test
  void shouldRejectUnknownVersionsTypesAndKinds() {
    byte[] b = CODEC.encode(samples().get(1)).toArray();
    b[0] = 2;
    assertThat(CODEC.decode(Bytes.of(b)))
        .isEqualTo(new DecodeResult.Malformed("unknown version 2"));
    b[0] = 1;
    b[1] = 9;
    assertThat(CODEC.decode(Bytes.of(b)))
        .isEqualTo(new DecodeResult.Malformed("unknown message type 9"));
    byte[] vc = CODEC.encode(samples().get(5)).toArray();
    vc[1 + 1 + 4 + 8 + 8 + 48 + 96] = 3;
    assertThat(CODEC.decode(Bytes.of(vc)))
        .isEqualTo(new DecodeResult.Malformed("unknown view change kind 3"));
  }

  @Test
  void shouldRejectNegativeHeightsOversizedBlocksAndBadBitmaps() {
    byte[] b = CODEC.encode(samples().get(1)).toArray();
    b[6] = (byte) 0x80;
    assertThat(CODEC.decode(Bytes.of(b)))
        .isEqualTo(new DecodeResult.Malformed("height is negative"));
    ConsensusCodec tight = new ConsensusCodec(new ConsensusLimits(4096, 4, 8, 0));
    assertThat(tight.decode(CODEC.encode(samples().get(0))))
        .isEqualTo(new DecodeResult.Malformed("block of 5 bytes exceeds the limit"));
    assertThat(tight.decode(CODEC.encode(samples().get(3))))
        .isEqualTo(new DecodeResult.Malformed("bitmap committee size 10 out of range"));
    byte[] c = CODEC.encode(samples().get(3)).toArray();
    c[c.length - 1] = (byte) 0xFF;
    assertThat(CODEC.decode(Bytes.of(c))).isInstanceOf(DecodeResult.Malformed.class);
  }

  @Test
  void shouldRejectAViewChangeToViewZero() {
    Bytes encoded = CODEC.encode(samples().get(5));
    byte[] b = encoded.toArray();
    for (int i = 14; i < 22; i++) {
      b[i] = 0;
    }
    assertThat(CODEC.decode(Bytes.of(b)))
        .isEqualTo(new DecodeResult.Malformed("a view change targets view >= 1"));
  }

  @Property(tries = 2000)
  void shouldNeverThrowOnArbitraryBytes(@ForAll @Size(max = 600) byte[] bytes) {
    assertThat(CODEC.decode(Bytes.of(bytes))).isNotNull();
  }

  @Property(tries = 500)
  void shouldNeverThrowOnMutatedMessages(
      @ForAll("index") int which, @ForAll int position, @ForAll byte value) {
    byte[] b = CODEC.encode(samples().get(which)).toArray();
    b[Math.floorMod(position, b.length)] = value;
    DecodeResult r = CODEC.decode(Bytes.of(b));
    if (r instanceof DecodeResult.Decoded d) {
      assertThat(CODEC.encode(d.message()))
          .as("what decodes re-encodes to the same bytes")
          .isEqualTo(Bytes.of(b));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> index() {
    return net.jqwik.api.Arbitraries.integers().between(0, samples().size() - 1);
  }
}
