package io.fugue.chain.staking;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.CodecLimits;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every shard's elected committee for one epoch. Canonical encoding (docs/protocol.md, "Shard
 * state"): {@code RLP([epoch, [[shard, [[key(48), validator(20), effectiveStake, votingPower],
 * ...]], ...]])}, shards in strictly ascending id order, slots in strictly ascending key order, no
 * key twice in the whole state. {@link #hash()} is Keccak-256 of that encoding.
 */
public record ShardState(long epoch, List<ShardCommittee> shards) {
  /** Bounds decoding: 1,024 shards of at most 1,000 slots each. */
  public static final int MAX_SHARDS = 1_024;

  public static final int MAX_ENCODED_BYTES = 16 << 20;

  public ShardState {
    shards = List.copyOf(shards);
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative");
    }
    if (shards.isEmpty() || shards.size() > MAX_SHARDS) {
      throw new IllegalArgumentException("shard count out of range: " + shards.size());
    }
    Set<ValidatorKey> seen = new HashSet<>();
    for (int i = 0; i < shards.size(); i++) {
      ShardCommittee c = shards.get(i);
      if (i > 0 && shards.get(i - 1).shard().compareTo(c.shard()) >= 0) {
        throw new IllegalArgumentException("shards not in strictly ascending order at " + i);
      }
      if (c.slots().size() > StakingParams.MAX_SLOTS_PER_SHARD) {
        throw new IllegalArgumentException("shard " + c.shard() + " has too many slots");
      }
      for (Slot s : c.slots()) {
        if (!seen.add(s.key())) {
          throw new IllegalArgumentException("key " + s.key().shortHex() + " in two slots");
        }
      }
      if (c.totalPower() > io.fugue.chain.consensus.Committee.MAX_TOTAL_POWER) {
        throw new IllegalArgumentException("shard " + c.shard() + " voting power too large");
      }
    }
  }

  /** The committee of {@code id}; throws if this state has no such shard. */
  public ShardCommittee shard(ShardId id) {
    for (ShardCommittee c : shards) {
      if (c.shard().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("shard state of epoch " + epoch + " has no shard " + id);
  }

  public Bytes encode() {
    List<RlpItem> committees = new ArrayList<>(shards.size());
    for (ShardCommittee c : shards) {
      List<RlpItem> slots = new ArrayList<>(c.slots().size());
      for (Slot s : c.slots()) {
        slots.add(
            RlpList.of(
                RlpString.of(s.key().bytes()),
                RlpString.of(s.validator()),
                RlpString.ofUint256(s.effectiveStake()),
                RlpString.ofUint(s.votingPower())));
      }
      committees.add(RlpList.of(RlpString.of(c.shard()), new RlpList(slots)));
    }
    return Rlp.encode(RlpList.of(RlpString.ofUint(epoch), new RlpList(committees)));
  }

  public Hash32 hash() {
    return Hashing.keccak256(encode());
  }

  /**
   * Decodes the canonical encoding; anything else (extra fields, wrong sizes, unsorted shards or
   * slots, a key twice, zero voting power, more than {@link #MAX_ENCODED_BYTES}) is a {@link
   * CodecException}.
   */
  public static ShardState decode(Bytes encoded) {
    if (encoded.size() > MAX_ENCODED_BYTES) {
      throw new CodecException(
          "shard state is " + encoded.size() + " bytes, limit " + MAX_ENCODED_BYTES);
    }
    CodecLimits limits =
        CodecLimits.defaults().withMaxInputBytes(MAX_ENCODED_BYTES).withMaxDepth(5);
    RlpList top = Rlp.decodeList(encoded, limits).expectSize(2, "shard state");
    long epoch = top.string(0).asUint64();
    RlpList committees = top.list(1);
    if (committees.size() > MAX_SHARDS) {
      throw new CodecException("shard state has " + committees.size() + " shards");
    }
    List<ShardCommittee> shards = new ArrayList<>(committees.size());
    try {
      for (int i = 0; i < committees.size(); i++) {
        RlpList c = committees.list(i).expectSize(2, "shard committee");
        ShardId shard = c.string(0).asShardId();
        RlpList slotItems = c.list(1);
        if (slotItems.size() > StakingParams.MAX_SLOTS_PER_SHARD) {
          throw new CodecException("shard " + shard + " has " + slotItems.size() + " slots");
        }
        List<Slot> slots = new ArrayList<>(slotItems.size());
        for (int j = 0; j < slotItems.size(); j++) {
          RlpList s = slotItems.list(j).expectSize(4, "slot");
          slots.add(
              new Slot(
                  new ValidatorKey(s.string(0).asBytes(ValidatorKey.SIZE)),
                  s.string(1).asAddress(),
                  s.string(2).asUint256(),
                  s.string(3).asUint64()));
        }
        shards.add(new ShardCommittee(shard, slots));
      }
      return new ShardState(epoch, shards);
    } catch (IllegalArgumentException e) {
      throw new CodecException("invalid shard state: " + e.getMessage());
    }
  }
}
