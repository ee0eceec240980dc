package io.fugue.api.node;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.genesis.GenesisWriter;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.datasharing.registry.GovernanceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The devnet's fixed shape: the beacon chain and two shards, four validators each, ten funded
 * accounts, all keys derived from one public seed (so a second run resumes the same chain, and the
 * keys are worthless outside the devnet). Governance is accounts 0 and 1, either one approving
 * (threshold 1); account 0 is also the node operator.
 */
public final class DevnetLayout {
  /** The devnet seed: public, so every devnet key is public too. */
  public static final Bytes SEED = Bytes.of("fugue-devnet-v1".getBytes(StandardCharsets.US_ASCII));

  public static final int SHARDS = 3;
  public static final int VALIDATORS_PER_SHARD = 4;
  public static final int ACCOUNTS = 10;

  /** Beacon blocks per epoch: an election every minute at 2 s blocks. */
  public static final long EPOCH_BLOCKS = 30;

  private final DevnetGenesis.Devnet devnet;

  public DevnetLayout() {
    this.devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(
                    SEED, SHARDS, VALIDATORS_PER_SHARD, ACCOUNTS, 1_000_000, RateLimits.none())
                .withStaking());
  }

  public DevnetGenesis.Devnet devnet() {
    return devnet;
  }

  /**
   * The devnet's genesis, with its governance (accounts 0 and 1, threshold 1) in the file, so the
   * {@code genesis.json} it writes also starts a {@code fugue node} of the same chain.
   */
  public GenesisConfig genesis() {
    // A short epoch, so a user sees an election every minute; the genesis committees keep voting
    // (electedFromEpoch never) until validators move between shards by themselves.
    GenesisConfig c = DevnetGenesis.withEpochs(devnet.config(), EPOCH_BLOCKS, StakingGenesis.NEVER);
    return new GenesisConfig(
        c.networkId(),
        c.chainId(),
        c.shardCount(),
        c.timestamp(),
        c.blockTimeMillis(),
        c.blocksPerEpoch(),
        c.leaderRotationBlocks(),
        c.maxClockDriftMillis(),
        c.rateLimits(),
        c.rewards(),
        c.shards(),
        Optional.of(new GenesisConfig.Governance(List.of(account(0), account(1)), 1)),
        c.staking());
  }

  public List<Secp256k1PrivateKey> accounts() {
    return devnet.accounts();
  }

  public GovernanceConfig governance() {
    return new GovernanceConfig(List.of(account(0), account(1)), 1);
  }

  public Address account(int i) {
    return devnet.accounts().get(i).address();
  }

  /** The vault's key: derived from the seed too, under its own label. */
  public Secp256k1PrivateKey vaultKey() {
    return DevnetGenesis.accountKey(
        Bytes.concat(SEED, Bytes.of("/vault".getBytes(StandardCharsets.US_ASCII))), 0);
  }

  public static Path validatorDir(Path dataDir, int shard, int index) {
    return dataDir.resolve("shard-" + shard).resolve("validator-" + index);
  }

  public static Path nodeDir(Path dataDir) {
    return dataDir.resolve("node");
  }

  /** Writes genesis.json for reference on the first run; later runs leave it alone. */
  public void writeGenesis(Path dataDir) {
    Path file = dataDir.resolve("genesis.json");
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        Files.writeString(file, GenesisWriter.toJson(genesis()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
