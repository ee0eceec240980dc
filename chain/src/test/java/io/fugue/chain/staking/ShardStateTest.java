package io.fugue.chain.staking;

import static io.fugue.chain.staking.StakingFixtures.address;
import static io.fugue.chain.staking.StakingFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardStateTest {
  private static RlpList slot(int v, long power) {
    return RlpList.of(
        RlpString.of(key(v, 0).bytes()),
        RlpString.of(address(v)),
        RlpString.ofUint256(Uint256.of(100)),
        RlpString.ofUint(power));
  }

  private static Bytes state(RlpList... slots) {
    return Rlp.encode(
        RlpList.of(
            RlpString.ofUint(5),
            RlpList.of(RlpList.of(RlpString.of(ShardId.of(0)), RlpList.of(slots)))));
  }

  @Test
  void roundTripsAndHashesTheEncoding() {
    ShardState s =
        new ShardState(
            5,
            List.of(
                new ShardCommittee(
                    ShardId.of(0),
                    List.of(
                        new Slot(key(1, 0), address(1), Uint256.of(100), 1_000_000),
                        new Slot(key(2, 0), address(2), Uint256.of(100), 900_000)))));
    Bytes encoded = s.encode();
    assertEquals(encoded, state(slot(1, 1_000_000), slot(2, 900_000)));
    assertEquals(s, ShardState.decode(encoded));
    assertEquals(Hashing.keccak256(encoded), s.hash());
    assertEquals(1_900_000, s.shard(ShardId.of(0)).committee().totalPower());
  }

  @Test
  void refusesNonCanonicalInput() {
    assertThrows(CodecException.class, () -> ShardState.decode(state(slot(2, 1), slot(1, 1))));
    assertThrows(CodecException.class, () -> ShardState.decode(state(slot(1, 1), slot(1, 1))));
    assertThrows(CodecException.class, () -> ShardState.decode(state(slot(1, 0))));
    assertThrows(CodecException.class, () -> ShardState.decode(state()));
    Bytes extra = Rlp.encode(RlpList.of(RlpString.ofUint(5), RlpList.of(), RlpString.ofUint(1)));
    assertThrows(CodecException.class, () -> ShardState.decode(extra));
    assertThrows(CodecException.class, () -> ShardState.decode(Bytes.of(new byte[(16 << 20) + 1])));
    Bytes twoShardsSameId =
        Rlp.encode(
            RlpList.of(
                RlpString.ofUint(5),
                RlpList.of(
                    RlpList.of(RlpString.of(ShardId.of(0)), RlpList.of(slot(1, 1))),
                    RlpList.of(RlpString.of(ShardId.of(0)), RlpList.of(slot(2, 1))))));
    assertThrows(CodecException.class, () -> ShardState.decode(twoShardsSameId));
  }
}
