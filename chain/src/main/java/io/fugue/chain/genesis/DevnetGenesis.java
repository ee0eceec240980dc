package io.fugue.chain.genesis;

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
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
   */
  public record Spec(
      Bytes seed,
      int shardCount,
      int validatorsPerShard,
      int accounts,
      long balance,
      RateLimits rateLimits) {
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

  /** A generated network: its genesis and every secret key behind it. */
  public record Devnet(
      GenesisConfig config,
      List<Secp256k1PrivateKey> accounts,
      List<List<BlsSecretKey>> validators) {
    public Devnet {
      accounts = List.copyOf(accounts);
      validators = validators.stream().map(List::copyOf).toList();
    }
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
    List<ShardGenesis> shards = new ArrayList<>();
    for (int s = 0; s < spec.shardCount(); s++) {
      List<BlsSecretKey> keys = new ArrayList<>();
      for (int i = 0; i < spec.validatorsPerShard(); i++) {
        keys.add(BlsSecretKey.fromSeed(derive(spec.seed(), "bls", s, i)));
      }
      validators.add(keys);
      List<BlsPublicKey> committee = keys.stream().map(BlsSecretKey::publicKey).toList();
      shards.add(new ShardGenesis(ShardId.of(s), allocations, committee));
    }
    GenesisConfig config =
        new GenesisConfig(
            "fugue-devnet",
            1337,
            spec.shardCount(),
            TIMESTAMP,
            2000,
            1800,
            16,
            2000,
            spec.rateLimits(),
            RewardSchedule.constant(Uint256.of(COIN.multiply(BigInteger.valueOf(24)))),
            shards);
    return new Devnet(config, accounts, validators);
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
