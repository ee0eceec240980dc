package io.fugue.chain.genesis;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.execution.ChainConfig;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.RewardSchedule;
import io.fugue.chain.ledger.LedgerLimits;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingGenesis;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network's genesis, as read from its JSON file (docs/genesis.md describes every field).
 *
 * @param networkId the network's name, e.g. {@code fugue-devnet}; also names gossip topics
 * @param chainId the id transactions sign over against cross-network replay
 * @param shardCount number of shards (shard 0 is the beacon chain)
 * @param timestamp genesis time, ms since the Unix epoch (UTC); every genesis block's timestamp
 * @param blockTimeMillis target block interval
 * @param blocksPerEpoch epoch length in blocks
 * @param leaderRotationBlocks K: consensus rotates the leader every K blocks
 * @param maxClockDriftMillis how far ahead of local time a block's timestamp may be
 * @param rateLimits the transfer throttle
 * @param rewards the block reward schedule
 * @param shards one entry per shard, in shard order
 * @param governance the data-sharing registry's governance key set, if the network has one
 * @param staking the staking parameters and genesis validators, if the network stakes (then the
 *     beacon chain runs the staking module and its block 0 holds the validators)
 */
public record GenesisConfig(
    String networkId,
    long chainId,
    int shardCount,
    long timestamp,
    long blockTimeMillis,
    long blocksPerEpoch,
    int leaderRotationBlocks,
    long maxClockDriftMillis,
    RateLimits rateLimits,
    RewardSchedule rewards,
    List<ShardGenesis> shards,
    Optional<Governance> governance,
    Optional<StakingGenesis> staking) {
  /** Maximum governance members; the registry module enforces the same bound. */
  public static final int MAX_GOVERNANCE_MEMBERS = 32;

  /**
   * The accounts that approve issuers in the beacon chain's registry module, and how many of them
   * must approve (k of n). The chain only carries it; the registry module gives it meaning.
   */
  public record Governance(List<Address> members, int threshold) {
    public Governance {
      members = List.copyOf(members);
      if (members.isEmpty()
          || members.size() > MAX_GOVERNANCE_MEMBERS
          || members.stream().distinct().count() != members.size()) {
        throw new IllegalArgumentException(
            "governance needs 1 to "
                + MAX_GOVERNANCE_MEMBERS
                + " distinct members, got "
                + members.size());
      }
      if (threshold < 1 || threshold > members.size()) {
        throw new IllegalArgumentException(
            "governance threshold must be 1 to " + members.size() + ", got " + threshold);
      }
    }
  }

  /** A genesis without staking. */
  public GenesisConfig(
      String networkId,
      long chainId,
      int shardCount,
      long timestamp,
      long blockTimeMillis,
      long blocksPerEpoch,
      int leaderRotationBlocks,
      long maxClockDriftMillis,
      RateLimits rateLimits,
      RewardSchedule rewards,
      List<ShardGenesis> shards,
      Optional<Governance> governance) {
    this(
        networkId,
        chainId,
        shardCount,
        timestamp,
        blockTimeMillis,
        blocksPerEpoch,
        leaderRotationBlocks,
        maxClockDriftMillis,
        rateLimits,
        rewards,
        shards,
        governance,
        Optional.empty());
  }

  /** A genesis without governance (the devnet's: its launcher supplies governance itself). */
  public GenesisConfig(
      String networkId,
      long chainId,
      int shardCount,
      long timestamp,
      long blockTimeMillis,
      long blocksPerEpoch,
      int leaderRotationBlocks,
      long maxClockDriftMillis,
      RateLimits rateLimits,
      RewardSchedule rewards,
      List<ShardGenesis> shards) {
    this(
        networkId,
        chainId,
        shardCount,
        timestamp,
        blockTimeMillis,
        blocksPerEpoch,
        leaderRotationBlocks,
        maxClockDriftMillis,
        rateLimits,
        rewards,
        shards,
        Optional.empty(),
        Optional.empty());
  }

  public GenesisConfig {
    Objects.requireNonNull(networkId, "networkId");
    Objects.requireNonNull(governance, "governance");
    Objects.requireNonNull(staking, "staking");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(rewards, "rewards");
    shards = List.copyOf(shards);
    if (shards.size() != shardCount) {
      throw new IllegalArgumentException(shardCount + " shards but " + shards.size() + " entries");
    }
    for (int i = 0; i < shards.size(); i++) {
      if (shards.get(i).shardId().value() != i) {
        throw new IllegalArgumentException(
            "shard entry " + i + " is for shard " + shards.get(i).shardId());
      }
    }
    if (staking.isPresent()) {
      if (staking.get().params().epochBlocks() != blocksPerEpoch) {
        throw new IllegalArgumentException(
            "staking epochBlocks "
                + staking.get().params().epochBlocks()
                + " differs from blocksPerEpoch "
                + blocksPerEpoch);
      }
      staking.get().epochZero(committeeKeys(shards)); // throws naming the first broken rule
    }
  }

  /** The epoch-0 shard state of a staking network (the genesis committees as elected slots). */
  public Optional<ShardState> epochZero() {
    return staking.map(s -> s.epochZero(committeeKeys(shards)));
  }

  private static List<List<ValidatorKey>> committeeKeys(List<ShardGenesis> shards) {
    return shards.stream()
        .map(s -> s.committee().stream().map(k -> new ValidatorKey(k.toBytes())).toList())
        .toList();
  }

  public ShardGenesis shard(ShardId shardId) {
    if (shardId.value() >= shardCount) {
      throw new IllegalArgumentException("no shard " + shardId + " in " + shardCount + " shards");
    }
    return shards.get(shardId.value());
  }

  /** The execution rules of this network, with the default size limits. */
  public ChainConfig chainConfig() {
    return new ChainConfig(
        chainId,
        shardCount,
        blocksPerEpoch,
        blockTimeMillis,
        maxClockDriftMillis,
        rateLimits,
        rewards,
        LedgerLimits.defaults());
  }
}
