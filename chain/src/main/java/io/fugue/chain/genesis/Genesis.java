package io.fugue.chain.genesis;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.execution.GenesisState;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.RewardSchedule;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockBody;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingParams;
import io.fugue.chain.state.StateWriter;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a {@link GenesisConfig} into each shard's block 0, the same bytes on every machine: all
 * consensus fields zero or empty except the shard, the timestamp, the state root of the shard's
 * allocations, {@code shardStateHash} (the epoch-0 committee) and {@code extra}, which is the
 * keccak-256 of the whole configuration's canonical RLP, so two networks that differ in any genesis
 * field (rate limits, rewards, another shard's allocations) have different genesis hashes.
 */
public final class Genesis {
  private Genesis() {}

  /** Block 0 of {@code shard} and its allocations. */
  public static GenesisState forShard(GenesisConfig config, ShardId shard) {
    ShardGenesis s = config.shard(shard);
    Optional<ShardState> epochZero = shard.isBeacon() ? config.epochZero() : Optional.empty();
    Consumer<StateWriter> seed =
        epochZero.isPresent()
            ? state -> config.staking().orElseThrow().write(state, epochZero.get())
            : state -> {};
    Hash32 stateRoot;
    try (InMemoryKeyValueStore scratch = new InMemoryKeyValueStore();
        KvTransaction tx = scratch.startTransaction()) {
      stateRoot = GenesisState.write(s.allocations(), seed, new WorldState(scratch), tx);
    }
    BlockHeader header =
        BlockHeader.builder()
            .shardId(shard)
            .timestamp(config.timestamp())
            .stateRoot(stateRoot)
            .shardStateHash(
                epochZero
                    .map(ShardState::hash)
                    .orElseGet(() -> committeeHash(shard, s.committee())))
            .extra(configHash(config).toBytes())
            .build();
    return new GenesisState(new Block(header, BlockBody.EMPTY), s.allocations(), seed);
  }

  /** keccak-256 of {@code rlp([shardId, [blsKey...]])}: the header's shardStateHash at genesis. */
  public static Hash32 committeeHash(ShardId shard, List<BlsPublicKey> committee) {
    return Hashing.keccak256(Rlp.encode(RlpList.of(RlpString.of(shard), keys(committee))));
  }

  /** keccak-256 of the configuration's canonical RLP (field order of docs/genesis.md). */
  public static Hash32 configHash(GenesisConfig c) {
    RateLimits r = c.rateLimits();
    RlpList limits =
        RlpList.of(
            RlpString.ofUint256(r.maxValuePerTransaction()),
            RlpString.ofUint(r.maxTransactionsPerSenderPerHour()),
            RlpString.ofUint(r.maxTransactionsPerBlock()),
            RlpString.ofUint(r.maxPoolTransactions()),
            RlpString.ofUint(r.liftedFromEpoch()));
    List<RlpItem> rewards = new ArrayList<>();
    for (RewardSchedule.Step s : c.rewards().steps()) {
      rewards.add(
          RlpList.of(RlpString.ofUint(s.fromEpoch()), RlpString.ofUint256(s.blockReward())));
    }
    List<RlpItem> shards = new ArrayList<>();
    for (ShardGenesis s : c.shards()) {
      List<RlpItem> alloc = new ArrayList<>();
      s.allocations()
          .forEach(
              (Address a, Uint256 v) ->
                  alloc.add(RlpList.of(RlpString.of(a), RlpString.ofUint256(v))));
      shards.add(RlpList.of(RlpString.of(s.shardId()), new RlpList(alloc), keys(s.committee())));
    }
    List<RlpItem> all =
        new ArrayList<>(
            List.of(
                RlpString.of(Bytes.of(c.networkId().getBytes(StandardCharsets.US_ASCII))),
                RlpString.ofUint(c.chainId()),
                RlpString.ofUint(c.shardCount()),
                RlpString.ofUint(c.timestamp()),
                RlpString.ofUint(c.blockTimeMillis()),
                RlpString.ofUint(c.blocksPerEpoch()),
                RlpString.ofUint(c.leaderRotationBlocks()),
                RlpString.ofUint(c.maxClockDriftMillis()),
                limits,
                new RlpList(rewards),
                new RlpList(shards)));
    // Appended only when present, so a genesis without governance keeps its hash.
    c.governance()
        .ifPresent(
            g ->
                all.add(
                    RlpList.of(
                        new RlpList(
                            g.members().stream().map(m -> (RlpItem) RlpString.of(m)).toList()),
                        RlpString.ofUint(g.threshold()))));
    // Appended only when present, tagged so it can never read as a governance entry.
    c.staking().ifPresent(st -> all.add(stakingRlp(st)));
    return Hashing.keccak256(Rlp.encode(new RlpList(all)));
  }

  private static RlpList stakingRlp(StakingGenesis st) {
    StakingParams p = st.params();
    List<RlpItem> validators = new ArrayList<>();
    for (StakingGenesis.GenesisValidator v : st.validators()) {
      List<RlpItem> keys = new ArrayList<>();
      v.keys().forEach(k -> keys.add(RlpString.of(k.bytes())));
      validators.add(
          RlpList.of(
              RlpString.of(v.operator()),
              utf8(v.description().name()),
              utf8(v.description().website()),
              utf8(v.description().details()),
              utf8(v.description().securityContact()),
              new RlpList(keys),
              RlpString.ofUint256(v.stake()),
              RlpString.ofUint(v.commissionBps()),
              RlpString.ofUint(v.maxCommissionBps()),
              RlpString.ofUint(v.maxChangeBps()),
              RlpString.ofUint256(v.maxTotalDelegation())));
    }
    return RlpList.of(
        RlpString.of(Bytes.of("staking".getBytes(StandardCharsets.US_ASCII))),
        RlpString.ofUint(p.slotsPerShard()),
        RlpString.ofUint256(p.minSelfDelegation()),
        RlpString.ofUint256(p.minDelegation()),
        RlpString.ofUint(p.maxKeysPerValidator()),
        RlpString.ofUint(p.undelegationLockEpochs()),
        RlpString.ofUint(p.doubleSignSlashBps()),
        RlpString.ofUint(p.reporterShareBps()),
        RlpString.ofUint(p.shardCapBps()),
        RlpString.ofUint(p.availabilityThresholdBps()),
        RlpString.ofUint(p.maxCommissionChangeBps()),
        new RlpList(validators),
        RlpString.ofUint(st.electedFromEpoch()));
  }

  private static RlpString utf8(String s) {
    return RlpString.of(Bytes.of(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static RlpList keys(List<BlsPublicKey> committee) {
    List<RlpItem> out = new ArrayList<>(committee.size());
    committee.forEach(k -> out.add(RlpString.of(k.toBytes())));
    return new RlpList(out);
  }
}
