package io.fugue.chain.genesis;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.CryptoException;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.RewardSchedule;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingParams;
import io.fugue.chain.staking.Validator;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A development network's genesis with keys derived from a seed, for tests and {@code ./fugue
 * devnet}: the same seed gives the same keys, file and genesis hashes everywhere. The keys are
 * public knowledge to anyone with the seed: never use them for value.
 */
public final class DevnetGenesis {
  /** 1 coin = 10^18 base units, as in Ethereum. */
  public static final BigInteger COIN = BigInteger.TEN.pow(18);

  /** 2026-01-01T00:00:00Z, so devnet genesis blocks never depend on when they were made. */
  public static final long TIMESTAMP = 1_767_225_600_000L;

  private DevnetGenesis() {}

  /**
   * What to generate.
   *
   * @param seed any bytes; keys derive from it
   * @param shardCount shards, at least 1
   * @param validatorsPerShard BLS keys per shard committee
   * @param accounts funded accounts, funded on every shard
   * @param balance coins (10^18 units) per account per shard
   * @param rateLimits the throttle, or {@link RateLimits#none()}
   * @param staking whether the genesis has a {@code staking} section: then each validator key has
   *     its own operator account (derived from the seed), staking {@link #VALIDATOR_STAKE} coins at
   *     genesis, and each committee lists its keys in ascending order
   */
  public record Spec(
      Bytes seed,
      int shardCount,
      int validatorsPerShard,
      int accounts,
      long balance,
      RateLimits rateLimits,
      boolean staking) {
    public Spec(
        Bytes seed,
        int shardCount,
        int validatorsPerShard,
        int accounts,
        long balance,
        RateLimits rateLimits) {
      this(seed, shardCount, validatorsPerShard, accounts, balance, rateLimits, false);
    }

    /** This spec with a genesis {@code staking} section. */
    public Spec withStaking() {
      return new Spec(seed, shardCount, validatorsPerShard, accounts, balance, rateLimits, true);
    }

    public Spec {
      Objects.requireNonNull(seed, "seed");
      Objects.requireNonNull(rateLimits, "rateLimits");
      if (shardCount < 1 || validatorsPerShard < 1 || accounts < 0 || balance < 0) {
        throw new IllegalArgumentException("invalid devnet spec");
      }
    }

    /** Two shards, four validators each, ten accounts of a million coins, Harmony-2019 limits. */
    public static Spec defaults(Bytes seed) {
      return new Spec(
          seed,
          2,
          4,
          10,
          1_000_000,
          new RateLimits(
              Uint256.of(COIN.multiply(BigInteger.valueOf(1000))),
              100,
              1000,
              8000,
              RateLimits.NEVER_LIFTED));
    }
  }

  /** Coins each devnet validator stakes at genesis when the spec stakes. */
  public static final long VALIDATOR_STAKE = 100_000;

  /** Coins each devnet operator account holds on the beacon chain for fees. */
  public static final long OPERATOR_BALANCE = 1_000;

  /**
   * A generated network: its genesis and every secret key behind it.
   *
   * @param operators per shard, per validator: the operator account key of that validator key
   *     (empty lists when the spec does not stake)
   */
  public record Devnet(
      GenesisConfig config,
      List<Secp256k1PrivateKey> accounts,
      List<List<BlsSecretKey>> validators,
      List<List<Secp256k1PrivateKey>> operators) {
    public Devnet {
      accounts = List.copyOf(accounts);
      validators = validators.stream().map(List::copyOf).toList();
      operators = operators.stream().map(List::copyOf).toList();
    }
  }

  /** The staking parameters of a staking devnet (docs/genesis.md shows them in the file). */
  public static StakingParams stakingParams(long blocksPerEpoch, int slotsPerShard) {
    return stakingParams(blocksPerEpoch, slotsPerShard, 6_600);
  }

  /** As above with another availability threshold (tests on loaded machines lower it). */
  public static StakingParams stakingParams(
      long blocksPerEpoch, int slotsPerShard, int availabilityThresholdBps) {
    return new StakingParams(
        blocksPerEpoch,
        slotsPerShard,
        coins(10_000),
        coins(100),
        4,
        1,
        200,
        5_000,
        5_000,
        availabilityThresholdBps,
        500);
  }

  private static Uint256 coins(long n) {
    return Uint256.of(COIN.multiply(BigInteger.valueOf(n)));
  }

  public static Devnet generate(Spec spec) {
    List<Secp256k1PrivateKey> accounts = new ArrayList<>();
    for (int i = 0; i < spec.accounts(); i++) {
      accounts.add(accountKey(spec.seed(), i));
    }
    Map<Address, Uint256> allocations = new LinkedHashMap<>();
    Uint256 balance = Uint256.of(COIN.multiply(BigInteger.valueOf(spec.balance())));
    accounts.forEach(k -> allocations.put(k.address(), balance));
    List<List<BlsSecretKey>> validators = new ArrayList<>();
    List<List<Secp256k1PrivateKey>> operators = new ArrayList<>();
    List<StakingGenesis.GenesisValidator> staked = new ArrayList<>();
    Map<Address, Uint256> beaconAllocations = new LinkedHashMap<>(allocations);
    List<ShardGenesis> shards = new ArrayList<>();
    for (int s = 0; s < spec.shardCount(); s++) {
      List<BlsSecretKey> keys = new ArrayList<>();
      for (int i = 0; i < spec.validatorsPerShard(); i++) {
        keys.add(BlsSecretKey.fromSeed(derive(spec.seed(), "bls", s, i)));
      }
      List<Secp256k1PrivateKey> ops = new ArrayList<>();
      if (spec.staking()) {
        // A staking genesis lists each committee in ascending key order (ShardCommittee's order).
        keys.sort(
            Comparator.comparing((BlsSecretKey k) -> new ValidatorKey(k.publicKey().toBytes())));
        for (int i = 0; i < keys.size(); i++) {
          Secp256k1PrivateKey op = operatorKey(spec.seed(), s, i);
          ops.add(op);
          beaconAllocations.put(op.address(), coins(OPERATOR_BALANCE));
          staked.add(
              new StakingGenesis.GenesisValidator(
                  op.address(),
                  new Validator.Description("devnet-" + s + "-" + i, "", "", ""),
                  List.of(new ValidatorKey(keys.get(i).publicKey().toBytes())),
                  coins(VALIDATOR_STAKE),
                  1_000,
                  2_000,
                  500,
                  coins(10 * VALIDATOR_STAKE)));
        }
      }
      validators.add(keys);
      operators.add(ops);
    }
    for (int s = 0; s < spec.shardCount(); s++) {
      List<BlsPublicKey> committee =
          validators.get(s).stream().map(BlsSecretKey::publicKey).toList();
      shards.add(
          new ShardGenesis(ShardId.of(s), s == 0 ? beaconAllocations : allocations, committee));
    }
    long blocksPerEpoch = 1800;
    GenesisConfig config =
        new GenesisConfig(
            "fugue-devnet",
            1337,
            spec.shardCount(),
            TIMESTAMP,
            2000,
            blocksPerEpoch,
            16,
            2000,
            spec.rateLimits(),
            RewardSchedule.constant(Uint256.of(COIN.multiply(BigInteger.valueOf(24)))),
            shards,
            Optional.empty(),
            spec.staking()
                ? Optional.of(
                    new StakingGenesis(
                        stakingParams(blocksPerEpoch, spec.validatorsPerShard()), staked))
                : Optional.empty());
    return new Devnet(config, accounts, validators, operators);
  }

  /**
   * {@code c} (a staking genesis) with {@code epochBlocks}-block epochs and elected committees from
   * {@code electedFromEpoch} ({@link StakingGenesis#NEVER}: never); the staking parameters are
   * {@link #stakingParams} for that epoch length.
   */
  public static GenesisConfig withEpochs(GenesisConfig c, long epochBlocks, long electedFromEpoch) {
    return withEpochs(c, epochBlocks, electedFromEpoch, 6_600);
  }

  /** As above with another availability threshold (basis points). */
  public static GenesisConfig withEpochs(
      GenesisConfig c, long epochBlocks, long electedFromEpoch, int availabilityThresholdBps) {
    StakingGenesis st =
        c.staking().orElseThrow(() -> new IllegalArgumentException("the genesis does not stake"));
    return new GenesisConfig(
        c.networkId(),
        c.chainId(),
        c.shardCount(),
        c.timestamp(),
        c.blockTimeMillis(),
        epochBlocks,
        c.leaderRotationBlocks(),
        c.maxClockDriftMillis(),
        c.rateLimits(),
        c.rewards(),
        c.shards(),
        c.governance(),
        Optional.of(
            new StakingGenesis(
                stakingParams(epochBlocks, st.params().slotsPerShard(), availabilityThresholdBps),
                st.validators(),
                electedFromEpoch)));
  }

  /** The operator account key of validator {@code index} of {@code shard} in a staking devnet. */
  public static Secp256k1PrivateKey operatorKey(Bytes seed, int shard, int index) {
    return accountKey(
        Bytes.concat(seed, Bytes.of(("/operator/" + shard).getBytes(StandardCharsets.US_ASCII))),
        index);
  }

  /** Account key {@code index} of {@code seed}. */
  public static Secp256k1PrivateKey accountKey(Bytes seed, int index) {
    for (int attempt = 0; ; attempt++) {
      try {
        return Secp256k1PrivateKey.fromBytes(Bytes.of(derive(seed, "account", attempt, index)));
      } catch (CryptoException | IllegalArgumentException e) {
        // A hash of 0 or >= n (probability ~2^-128): take the next attempt.
      }
    }
  }

  private static byte[] derive(Bytes seed, String label, int a, int b) {
    byte[] tag = ("fugue-devnet-" + label).getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buf = ByteBuffer.allocate(tag.length + seed.size() + 8);
    buf.put(tag).put(seed.toArray()).putInt(a).putInt(b);
    return Hashing.keccak256(buf.array()).toArray();
  }
}
