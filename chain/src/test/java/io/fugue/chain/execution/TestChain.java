package io.fugue.chain.execution;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.testing.MutableClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A devnet shard-1 chain on a given store, with helpers to sign transfers and make blocks. */
public final class TestChain {
  public static final Bytes SEED = Bytes.of("fugue-test-seed".getBytes(StandardCharsets.US_ASCII));
  public static final ShardId SHARD = ShardId.of(1);
  public static final long BLOCK_MILLIS = 2000;

  public final DevnetGenesis.Devnet devnet;
  public final GenesisConfig genesis;
  public final ChainConfig config;
  public final MutableClock clock;
  public final KeyValueStore store;
  public final ModuleRegistry modules;
  public Blockchain chain;

  public TestChain(KeyValueStore store, RateLimits limits, int accounts, ModuleRegistry modules) {
    this.devnet =
        DevnetGenesis.generate(new DevnetGenesis.Spec(SEED, 2, 2, accounts, 1_000_000, limits));
    this.genesis = devnet.config();
    this.config = genesis.chainConfig();
    this.clock = new MutableClock(DevnetGenesis.TIMESTAMP);
    this.store = store;
    this.modules = modules;
    reopen();
  }

  public TestChain(KeyValueStore store, RateLimits limits, int accounts) {
    this(store, limits, accounts, ModuleRegistry.builtInsOnly());
  }

  /** Opens the chain again on the same store, as a restarted node would. */
  public void reopen() {
    chain =
        Blockchain.open(
            store,
            config,
            Genesis.forShard(genesis, SHARD),
            modules,
            RewardRecipients.PROPOSER,
            clock);
  }

  public Secp256k1PrivateKey key(int i) {
    return devnet.accounts().get(i);
  }

  public Address address(int i) {
    return key(i).address();
  }

  public BigInteger balance(int i) {
    return chain.headState().account(address(i).toBytes()).balance();
  }

  public long nonce(int i) {
    return chain.headState().account(address(i).toBytes()).nonce();
  }

  public Transaction transfer(int from, Address to, long value, long fee, long nonce) {
    return Transfer.unsigned(
            config.chainId(),
            nonce,
            SHARD,
            Uint256.of(fee),
            new Transfer(SHARD, to, Uint256.of(value), Bytes.EMPTY))
        .sign(key(from));
  }

  public Transaction transfer(int from, int to, long value, long fee, long nonce) {
    return transfer(from, address(to), value, fee, nonce);
  }

  /** The proposer account used in tests; a fresh address so reward credits are easy to see. */
  public static Address proposer() {
    return Address.fromHex("0x00000000000000000000000000000000000000aa");
  }

  /** Builds the next block from {@code txs}, with the clock one block time later. */
  public BuiltBlock build(List<Transaction> txs) {
    clock.advance(BLOCK_MILLIS);
    return chain.build(BuildRequest.simple(proposer(), clock.millis()), txs);
  }

  /** Builds and imports the next block; fails the test if it is not accepted. */
  public Block commit(List<Transaction> txs) {
    return commit(txs, true);
  }

  /**
   * Builds and imports the next block, reusing the build's execution or (reuse false) importing it
   * as a received block, validated in full.
   */
  public Block commit(List<Transaction> txs, boolean reuse) {
    BuiltBlock built = build(txs);
    if (!reuse) {
      chain.forgetExecutions();
    }
    Validation v = chain.importBlock(built.block());
    if (!v.isAccepted()) {
      throw new AssertionError("own block rejected: " + v.reason());
    }
    return built.block();
  }
}
