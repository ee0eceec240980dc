package io.fugue.datasharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.BuildRequest;
import io.fugue.chain.execution.BuiltBlock;
import io.fugue.chain.execution.ChainConfig;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.RewardRecipients;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.testing.MutableClock;
import io.fugue.datasharing.attestation.AttestationModule;
import io.fugue.datasharing.attestation.AttestationTx;
import io.fugue.datasharing.attestation.BeaconIssuerDirectory;
import io.fugue.datasharing.registry.GovernanceConfig;
import io.fugue.datasharing.registry.RegistryModule;
import io.fugue.datasharing.registry.RegistryTx;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A beacon chain and shard 1 of a devnet, each a real {@link Blockchain} over an in-memory store,
 * with the registry module on the beacon chain and the attestation module on the shard, wired
 * through a {@link BeaconIssuerDirectory} over the beacon head. Accounts: 0, 1, 2 governance
 * (2-of-3), 3 issuer, 4 holder, 5 client, 6 a second business, 7 spare.
 */
public final class TestNetwork {
  public static final ShardId SHARD = ShardId.of(1);
  public static final int GOV_A = 0;
  public static final int GOV_B = 1;
  public static final int GOV_C = 2;
  public static final int ISSUER = 3;
  public static final int HOLDER = 4;
  public static final int CLIENT = 5;
  public static final int OTHER = 6;
  private static final long BLOCK_MILLIS = 2000;

  public final DevnetGenesis.Devnet devnet;
  public final ChainConfig config;
  public final MutableClock clock = new MutableClock(DevnetGenesis.TIMESTAMP);
  public final GovernanceConfig governance;
  public final Blockchain beacon;
  public final Blockchain shard;
  public final BeaconIssuerDirectory directory;

  public TestNetwork() {
    devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(
                Bytes.of("datasharing-test".getBytes(StandardCharsets.US_ASCII)),
                2,
                1,
                8,
                1_000,
                RateLimits.none()));
    config = devnet.config().chainConfig();
    governance = new GovernanceConfig(List.of(address(GOV_A), address(GOV_B), address(GOV_C)), 2);
    beacon =
        Blockchain.open(
            new InMemoryKeyValueStore(),
            config,
            Genesis.forShard(devnet.config(), ShardId.BEACON),
            ModuleRegistry.builder()
                .register(new RegistryModule(governance))
                .register(new io.fugue.datasharing.identity.DidModule())
                .build(),
            RewardRecipients.PROPOSER,
            clock);
    directory = new BeaconIssuerDirectory(beacon::headState);
    shard =
        Blockchain.open(
            new InMemoryKeyValueStore(),
            config,
            Genesis.forShard(devnet.config(), SHARD),
            ModuleRegistry.builder().register(new AttestationModule(directory)).build(),
            RewardRecipients.PROPOSER,
            clock);
  }

  public Secp256k1PrivateKey key(int i) {
    return devnet.accounts().get(i);
  }

  public Address address(int i) {
    return key(i).address();
  }

  /** Signs a registry transaction of account {@code i} with its next beacon nonce. */
  public Transaction beaconTx(int i, RegistryTx body) {
    long nonce = beacon.headState().account(address(i).toBytes()).nonce();
    return body.unsigned(config.chainId(), nonce, Uint256.of(1_000)).sign(key(i));
  }

  /** Signs a DID transaction of account {@code i} with its next beacon nonce. */
  public Transaction didTx(int i, io.fugue.datasharing.identity.DidTx body) {
    long nonce = beacon.headState().account(address(i).toBytes()).nonce();
    return body.unsigned(config.chainId(), nonce, Uint256.of(1_000)).sign(key(i));
  }

  /** Signs an attestation transaction of account {@code i} with its next shard nonce. */
  public Transaction shardTx(int i, AttestationTx body) {
    long nonce = shard.headState().account(address(i).toBytes()).nonce();
    return body.unsigned(config.chainId(), nonce, SHARD, Uint256.of(1_000)).sign(key(i));
  }

  /** Builds and imports the next beacon block. */
  public BuiltBlock beaconBlock(Transaction... txs) {
    return commit(beacon, txs);
  }

  /** Builds and imports the next shard block. */
  public BuiltBlock shardBlock(Transaction... txs) {
    return commit(shard, txs);
  }

  /** Commits one beacon transaction and asserts that it was included and succeeded. */
  public void beaconOk(int i, RegistryTx body) {
    assertSucceeded(beaconBlock(beaconTx(i, body)));
  }

  /** Commits one shard transaction and asserts that it was included and succeeded. */
  public BuiltBlock shardOk(int i, AttestationTx body) {
    BuiltBlock b = shardBlock(shardTx(i, body));
    assertSucceeded(b);
    return b;
  }

  /** The reason the single candidate of {@code built} was left out. */
  public static String skippedReason(BuiltBlock built) {
    assertThat(built.result().transactions()).isEmpty();
    assertThat(built.result().skipped()).hasSize(1);
    return built.result().skipped().get(0).rejection().detail();
  }

  private static void assertSucceeded(BuiltBlock b) {
    assertThat(b.result().skipped()).as("skipped transactions").isEmpty();
    assertThat(b.result().receipts()).hasSize(1);
    assertThat(b.result().receipts().get(0).status()).isEqualTo(Receipt.Status.SUCCESS);
  }

  private BuiltBlock commit(Blockchain chain, Transaction... txs) {
    clock.advance(BLOCK_MILLIS);
    BuiltBlock built = chain.build(BuildRequest.simple(proposer(), clock.millis()), List.of(txs));
    Validation v = chain.importBlock(built.block());
    if (!v.isAccepted()) {
      throw new AssertionError("own block rejected: " + v.reason());
    }
    return built;
  }

  private static Address proposer() {
    return Address.fromHex("0x00000000000000000000000000000000000000aa");
  }
}
